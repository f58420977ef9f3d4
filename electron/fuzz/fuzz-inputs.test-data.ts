// Generated RPC inputs for the fuzz suites: shaped by each operation's zod schema (so that many
// get past the parser and reach the services), mixed with arbitrary JSON and bodies that are not
// JSON at all. Values come from pools of awkward strings and numbers, and of ids that exist.
import fc from 'fast-check';
import type { z } from 'zod';

export interface FuzzPools {
  /** Ids that exist in the fuzzed host (profiles, history entries, bodies, attempts, requests). */
  ids: string[];
  /** URLs on 127.0.0.1 only: the local API server, a refused port. */
  urls: string[];
  /** Paths a user could give that must be refused: devices, a folder, a FIFO (issue 10 defect 3). */
  paths: string[];
}

/** A generated call: a JSON value to send, or a raw body that is not (or not quite) JSON. */
export type FuzzInput = { json: unknown } | { raw: string };

const awkward = [
  '',
  ' ',
  '\u0000',
  '\r\n',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '"; rm -rf / #',
  '$(id)',
  '`id`',
  "' OR '1'='1",
  '{{7*7}}',
  '${jndi:ldap://127.0.0.1:1/a}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u202e\u0644',
  '🙂'.repeat(50),
  'a'.repeat(5000),
  'x'.repeat(200_000),
  'NaN',
  'null',
  'undefined',
  '-1',
  '1e309',
  'Bearer ',
  'Basic Og==',
  'https://evil.example/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<h1>x</h1>',
  'http://[::1]:1/',
  'http://0.0.0.0:1/',
  'CON',
  'nul.txt',
];

const numbers = [
  0,
  -0,
  1,
  -1,
  0.5,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  599,
  600,
  601,
  2000,
  2001,
];

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function stringArb(pools: FuzzPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    // Plain words of 8 to 40 characters pass most id and name rules and reach the services.
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9-]{8,40}$/) },
    { weight: 3, arbitrary: fc.constantFrom(...awkward) },
    { weight: 3, arbitrary: fc.constantFrom(...pools.ids, 'missing-id-0001') },
    { weight: 2, arbitrary: fc.constantFrom(...pools.urls) },
    { weight: 1, arbitrary: fc.constantFrom(...pools.paths) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  );
}

/** Any JSON-ish value, including the shapes that break naive code (deep, wide, prototype keys). */
export function anyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...numbers, true, false, null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        JSON.parse('{"__proto__":{"polluted":true}}'),
        { constructor: { prototype: { polluted: true } } },
        Array.from({ length: 10_000 }, (_, i) => i),
      ),
    },
  );
}

/** A value shaped like `schema` most of the time, and anything else some of the time. */
export function shaped(
  schema: z.ZodType,
  pools: FuzzPools,
  depth = 0,
  key = '',
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType, k = key) => shaped(s, pools, depth + 1, k);
  const wrong = depth > 4 ? fc.constant(null) : anyValue();
  const of = (good: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: wrong });
  switch (def.type) {
    case 'object': {
      if (depth > 4 || !def.shape) return wrong;
      const fields = Object.fromEntries(
        Object.entries(def.shape).map(([k, v]) => [k, inner(v, k)]),
      );
      const record = fc.record(fields, { requiredKeys: [] });
      const withAll = fc.record(fields);
      const extra = fc.tuple(
        withAll,
        fc.constantFrom('extra', '__proto__', 'constructor'),
        anyValue(),
      );
      return of(
        fc.oneof(
          { weight: 4, arbitrary: withAll },
          { weight: 2, arbitrary: record },
          { weight: 1, arbitrary: extra.map(([o, k, v]) => ({ ...o, [k]: v })) },
        ),
      );
    }
    case 'optional':
      return fc.oneof(fc.constant(undefined), inner(def.innerType!));
    case 'nullable':
      return fc.oneof(fc.constant(null), inner(def.innerType!));
    case 'default':
    case 'readonly':
    case 'catch':
      return inner(def.innerType!);
    case 'pipe':
      return inner(def.in!);
    case 'array':
      return of(fc.array(inner(def.element!), { maxLength: depth > 2 ? 2 : 6 }));
    case 'enum':
      return of(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })));
    case 'literal':
      return of(fc.constantFrom(...(def.values ?? [null])));
    case 'string':
      // Ids mostly from the pool, so that calls reach the services with things that exist.
      if (key === 'requestId') return of(fc.stringMatching(/^[a-z0-9-]{8,40}$/));
      if (/(^id|Id)$/.test(key) && pools.ids.length > 0)
        return of(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.ids) }, stringArb(pools)),
        );
      return of(stringArb(pools));
    case 'number':
      return of(fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(...numbers)));
    case 'boolean':
      return of(fc.boolean());
    default:
      return wrong;
  }
}

const rawBodies = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"text"',
    '1e999',
    '\u0000',
    '{"a":1}{"b":2}',
    '\ufeff{}',
    '['.repeat(50_000) + ']'.repeat(50_000),
    '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** The inputs for one operation. */
export function inputsFor(schema: z.ZodType, pools: FuzzPools): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { weight: 12, arbitrary: shaped(schema, pools).map((json) => ({ json })) },
    { weight: 2, arbitrary: anyValue().map((json) => ({ json })) },
    { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
  );
}
