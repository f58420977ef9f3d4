/**
 * Profile variables, as Postman users know them: `{{name}}` in the URL, query, headers, path
 * parameters and body is replaced by the value the profile defines. Values may refer to other
 * variables; an unknown variable or a loop is an error that names it. Dynamic variables
 * (`{{$guid}}`, `{{$timestamp}}`, `{{$isoTimestamp}}`, `{{$randomInt}}`) are supported too.
 * Variables are plain values: never a place for a secret.
 */
import type { ProfileVariable } from './variables-schema';

export type { ProfileVariable };

const REFERENCE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const MAX_DEPTH = 10;

/** Sources of the dynamic `$` variables (injected so resolution stays pure and testable). */
export interface DynamicSources {
  now(): number;
  uuid(): string;
  random(): number;
}

export interface UsedVariable {
  name: string;
  value: string;
  source: 'profile' | 'dynamic';
}

export class VariableError extends Error {
  constructor(
    message: string,
    readonly variable: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'VariableError';
  }
}

/** Names referenced in a text, in order, each once. */
export function referencedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(REFERENCE)].map((m) => m[1] ?? ''))];
}

function dynamicValue(name: string, dyn: DynamicSources): string | null {
  switch (name) {
    case '$guid':
    case '$randomUUID':
      return dyn.uuid();
    case '$timestamp':
      return String(Math.floor(dyn.now() / 1000));
    case '$isoTimestamp':
      return new Date(dyn.now()).toISOString();
    case '$randomInt':
      return String(Math.floor(dyn.random() * 1001));
    default:
      return null;
  }
}

/** Resolves variables in many texts with one table; dynamic values stay the same within it. */
export class VariableResolver {
  private readonly table = new Map<string, string>();
  private readonly dynamicCache = new Map<string, string>();
  readonly used = new Map<string, UsedVariable>();

  constructor(
    variables: readonly ProfileVariable[],
    private readonly dynamic: DynamicSources,
  ) {
    for (const v of variables) if (v.enabled) this.table.set(v.name, v.value);
  }

  private lookup(name: string, field: string, chain: string[]): string {
    if (name.startsWith('$')) {
      const cached = this.dynamicCache.get(name) ?? dynamicValue(name, this.dynamic);
      if (cached === null)
        throw new VariableError(
          `Unknown dynamic variable {{${name}}} in ${field}: use $guid, $timestamp, $isoTimestamp or $randomInt`,
          name,
          field,
        );
      this.dynamicCache.set(name, cached);
      this.used.set(name, { name, value: cached, source: 'dynamic' });
      return cached;
    }
    const raw = this.table.get(name);
    if (raw === undefined)
      throw new VariableError(
        `Unknown variable {{${name}}} in ${field}: define it under the profile's Variables`,
        name,
        field,
      );
    if (chain.includes(name) || chain.length >= MAX_DEPTH)
      throw new VariableError(
        `Variable {{${name}}} refers to itself (${[...chain, name].join(' → ')})`,
        name,
        field,
      );
    const value = this.resolveIn(raw, field, [...chain, name]);
    if (chain.length === 0) this.used.set(name, { name, value, source: 'profile' });
    return value;
  }

  private resolveIn(text: string, field: string, chain: string[]): string {
    return text.replace(REFERENCE, (_m, name: string) => this.lookup(name, field, chain));
  }

  /** The text with every `{{name}}` replaced; `field` names where it is, for errors. */
  resolve(text: string, field: string): string {
    return this.resolveIn(text, field, []);
  }
}

/** Real sources for the dynamic variables. */
export const systemDynamicSources: DynamicSources = {
  now: () => Date.now(),
  uuid: () => crypto.randomUUID(),
  random: () => Math.random(),
};

/** Two variable lists are the same when every name, value and on/off matches, in order. */
export function sameVariables(
  a: readonly ProfileVariable[],
  b: readonly ProfileVariable[],
): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => {
      const w = b[i];
      return w !== undefined && v.name === w.name && v.value === w.value && v.enabled === w.enabled;
    })
  );
}
