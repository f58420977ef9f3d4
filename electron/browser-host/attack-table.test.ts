import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../shared/operations';
import { constantTimeEqual, sameSecret } from './request-guard';
import {
  goodHeaders,
  OUTSIDE_MARKER,
  rawCall,
  startTestHost,
  type RawAnswer,
  type TestHost,
} from './test-host';

// The browser-host attack table of issue 10: what a process on the same machine (or a page in
// another tab) could send. Each row is one altered request against the real host; every one must
// be refused with the named status, no answer may carry data or CORS permission. The basics
// (one wrong Host, foreign Origin, wrong key, form post) are in server.test.ts; aborted uploads
// and 413 in body-limits.test.ts and page-abort.test.ts.
let t: TestHost;
let port: number;
let key: string;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
  key = t.host.key;
});

afterAll(async () => {
  await t.close();
});

type Headers = Record<string, string | string[]>;
interface Row {
  name: string;
  method?: string;
  path?: string;
  /** Changes to the headers of a good call; undefined removes the header. */
  change: (h: Headers) => Headers;
  status: number;
}

const without = (h: Headers, name: string): Headers => {
  const { [name]: _gone, ...rest } = h;
  return rest;
};
const withHost = (value: string) => (h: Headers) => ({
  ...h,
  host: value.replace('PORT', String(port)),
  origin: `http://${value.replace('PORT', String(port))}`,
});

const rpcRows: Row[] = [
  // The launch key.
  { name: 'key missing', change: (h) => without(h, 'x-workbench-key'), status: 401 },
  { name: 'key empty', change: (h) => ({ ...h, 'x-workbench-key': '' }), status: 401 },
  {
    name: 'key wrong, same length',
    change: (h) => ({ ...h, 'x-workbench-key': 'x'.repeat(key.length) }),
    status: 401,
  },
  {
    name: 'key one character short',
    change: (h) => ({ ...h, 'x-workbench-key': key.slice(0, -1) }),
    status: 401,
  },
  {
    name: 'key with a suffix',
    change: (h) => ({ ...h, 'x-workbench-key': `${key}x` }),
    status: 401,
  },
  {
    name: 'key in other case',
    change: (h) => ({
      ...h,
      'x-workbench-key': key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase(),
    }),
    status: 401,
  },
  {
    name: 'key only in the query',
    path: `/rpc/listProfiles?key=KEY`,
    change: (h) => without(h, 'x-workbench-key'),
    status: 401,
  },
  {
    name: 'key in the query and a wrong header',
    path: `/rpc/listProfiles?key=KEY`,
    change: (h) => ({ ...h, 'x-workbench-key': 'wrong' }),
    status: 401,
  },
  { name: 'key duplicated', change: (h) => ({ ...h, 'x-workbench-key': [key, key] }), status: 401 },
  {
    name: 'key duplicated after a wrong one',
    change: (h) => ({ ...h, 'x-workbench-key': ['wrong', key] }),
    status: 401,
  },
  {
    name: 'key in a cookie',
    change: (h) => ({ ...without(h, 'x-workbench-key'), cookie: `key=${key}` }),
    status: 401,
  },
  {
    name: 'key as a Bearer token',
    change: (h) => ({ ...without(h, 'x-workbench-key'), authorization: `Bearer ${key}` }),
    status: 401,
  },
  // Host (DNS rebinding).
  { name: 'Host a foreign name', change: withHost('evil.example:PORT'), status: 421 },
  { name: 'Host a foreign name without port', change: withHost('evil.example'), status: 421 },
  { name: 'Host 0.0.0.0', change: withHost('0.0.0.0:PORT'), status: 421 },
  { name: 'Host a decimal IP', change: withHost('2130706433:PORT'), status: 421 },
  { name: 'Host a hexadecimal IP', change: withHost('0x7f000001:PORT'), status: 421 },
  { name: 'Host 127.1', change: withHost('127.1:PORT'), status: 421 },
  { name: 'Host with a trailing dot', change: withHost('127.0.0.1.:PORT'), status: 421 },
  { name: 'Host localhost with a trailing dot', change: withHost('localhost.:PORT'), status: 421 },
  { name: 'Host [::1]', change: withHost('[::1]:PORT'), status: 421 },
  { name: 'Host in upper case', change: withHost('LOCALHOST:PORT'), status: 421 },
  { name: 'Host another port', change: withHost('127.0.0.1:1'), status: 421 },
  // Node's HTTP parser itself refuses an HTTP/1.1 request without Host.
  { name: 'Host missing', change: (h) => without(h, 'host'), status: 400 },
  { name: 'Host a subdomain of localhost', change: withHost('evil.localhost:PORT'), status: 421 },
  // Origin on a state-changing call.
  { name: 'Origin null', change: (h) => ({ ...h, origin: 'null' }), status: 403 },
  { name: 'Origin foreign', change: (h) => ({ ...h, origin: 'http://evil.example' }), status: 403 },
  { name: 'Origin missing', change: (h) => without(h, 'origin'), status: 403 },
  {
    name: 'Origin https',
    change: (h) => ({ ...h, origin: `https://127.0.0.1:${port}` }),
    status: 403,
  },
  {
    name: 'Origin another port',
    change: (h) => ({ ...h, origin: `http://127.0.0.1:${port + 1}` }),
    status: 403,
  },
  {
    name: 'Origin localhost for Host 127.0.0.1',
    change: (h) => ({ ...h, origin: `http://localhost:${port}` }),
    status: 403,
  },
  {
    name: 'Origin with a path',
    change: (h) => ({ ...h, origin: `http://127.0.0.1:${port}/` }),
    status: 403,
  },
  {
    name: 'Origin duplicated',
    change: (h) => ({ ...h, origin: [h.origin as string, 'http://evil.example'] }),
    status: 403,
  },
  // Content type (simple requests another page could send without a preflight).
  {
    name: 'form encoded',
    change: (h) => ({ ...h, 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
  },
  {
    name: 'multipart',
    change: (h) => ({ ...h, 'content-type': 'multipart/form-data; boundary=x' }),
    status: 415,
  },
  { name: 'text/plain', change: (h) => ({ ...h, 'content-type': 'text/plain' }), status: 415 },
  { name: 'no content type', change: (h) => without(h, 'content-type'), status: 415 },
  // Methods and names.
  { name: 'GET on an operation', method: 'GET', change: (h) => h, status: 405 },
  { name: 'PUT on an operation', method: 'PUT', change: (h) => h, status: 405 },
  { name: 'an unknown operation', path: '/rpc/evalCode', change: (h) => h, status: 404 },
  { name: 'a prototype name as operation', path: '/rpc/__proto__', change: (h) => h, status: 404 },
  { name: 'constructor as operation', path: '/rpc/constructor', change: (h) => h, status: 404 },
  {
    name: 'an operation with a trailing slash',
    path: '/rpc/listProfiles/',
    change: (h) => h,
    status: 404,
  },
  { name: 'an operation in other case', path: '/rpc/LISTPROFILES', change: (h) => h, status: 404 },
  { name: 'an encoded operation name', path: '/rpc/list%50rofiles', change: (h) => h, status: 404 },
];

function expectRefused(res: RawAnswer, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).not.toContain('"ok":true');
  expect(res.body).not.toContain(key);
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
}

describe('browser-host attack table: RPC', () => {
  it.each(rpcRows.map((r) => [r.name, r] as const))('refuses %s', async (_name, row) => {
    const res = await rawCall(port, {
      method: row.method ?? 'POST',
      path: (row.path ?? '/rpc/listProfiles').replace('KEY', key),
      headers: row.change(goodHeaders(t.host)),
      body: '{}',
    });
    expectRefused(res, row.status);
  });

  it('refuses every state-changing operation without Origin, and with a foreign one', async () => {
    for (const op of operationNames) {
      for (const origin of [undefined, 'null', 'http://evil.example']) {
        const headers = without(goodHeaders(t.host), 'origin');
        const res = await rawCall(port, {
          method: 'POST',
          path: `/rpc/${op}`,
          headers: origin ? { ...headers, origin } : headers,
          body: '{}',
        });
        expectRefused(res, 403);
      }
    }
  });

  it.each(['/rpc/listProfiles', '/rpc/deleteProfile', '/', '/index.html'])(
    'answers a CORS preflight to %s without permission',
    async (p) => {
      const res = await rawCall(port, {
        method: 'OPTIONS',
        path: p,
        headers: {
          host: `127.0.0.1:${port}`,
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-workbench-key, content-type',
        },
      });
      expectRefused(res, 405);
      expect(res.headers['access-control-allow-headers']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
    },
  );

  it('answers the good call (so the refusals above are about the alteration)', async () => {
    const res = await rawCall(port, {
      method: 'POST',
      path: '/rpc/listProfiles',
      headers: goodHeaders(t.host),
      body: '{}',
    });
    expect(res.status).toBe(200);
  });
});

describe('browser-host attack table: static files', () => {
  it.each([
    '/../outside.txt',
    '/..%2foutside.txt',
    '/%2e%2e/outside.txt',
    '/%2e%2e%2foutside.txt',
    '/%2E%2E%2Foutside.txt',
    '/..%5coutside.txt',
    '/%2e%2e%5coutside.txt',
    '/%252e%252e%252foutside.txt',
    '/.%2e/outside.txt',
    '/renderer/../../outside.txt',
    '/%c0%ae%c0%ae/outside.txt',
    '/..%c0%afoutside.txt',
    '/index.html%00.txt',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    `/${'..%2f'.repeat(12)}etc/passwd`,
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%',
    '/%zz',
  ])('does not serve %s', async (p) => {
    const res = await rawCall(port, { path: p, headers: { host: `127.0.0.1:${port}` } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(OUTSIDE_MARKER);
    expect(res.body).not.toContain('root:');
  });

  it('the file beside the folder exists, so the refusals above are real', () => {
    expect(existsSync(path.join(t.staticDir, '..', 'outside.txt'))).toBe(true);
  });

  it.each([
    ['a foreign name', 'evil.example'],
    ['0.0.0.0', '0.0.0.0:PORT'],
    ['a decimal IP', '2130706433:PORT'],
    ['a trailing dot', '127.0.0.1.:PORT'],
  ])('refuses the page for Host %s', async (_n, host) => {
    const res = await rawCall(port, {
      path: '/',
      headers: { host: host.replace('PORT', String(port)) },
    });
    expectRefused(res, 421);
    expect(res.body).not.toContain('Token Workbench');
  });

  it('refuses POST to a static path', async () => {
    const res = await rawCall(port, {
      method: 'POST',
      path: '/',
      headers: goodHeaders(t.host),
      body: '{}',
    });
    expectRefused(res, 405);
  });
});

describe('browser-host attack table: bind address', () => {
  it('is bound to 127.0.0.1 exactly, not to all loopback addresses', async () => {
    await expect(
      rawCall(port, { path: '/', address: '127.0.0.2', headers: { host: `127.0.0.1:${port}` } }),
    ).rejects.toThrow(/ECONNREFUSED/);
    await expect(
      rawCall(port, { path: '/', address: '::1', headers: { host: `127.0.0.1:${port}` } }),
    ).rejects.toThrow();
  });
});

describe('launch key comparison', () => {
  it('goes through crypto.timingSafeEqual', () => {
    expect(constantTimeEqual).toBe(timingSafeEqual);
  });

  it('handles keys of another length without throwing (timingSafeEqual alone would)', () => {
    expect(() => timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))).toThrow();
    expect(sameSecret('a', 'ab')).toBe(false);
    expect(sameSecret('', key)).toBe(false);
    expect(sameSecret(key.repeat(100), key)).toBe(false);
    expect(sameSecret(`${key}\u0000`, key)).toBe(false);
    expect(sameSecret('ä', 'a')).toBe(false);
    expect(sameSecret(key, key)).toBe(true);
    expect(sameSecret(String(key), `${key}`)).toBe(true);
  });
});
