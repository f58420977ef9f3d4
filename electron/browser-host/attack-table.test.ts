import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../shared/operations';
import { rpcAttackRows, without } from './attack-rows.test-data';
import { constantTimeEqual, sameSecret } from './request-guard';
import {
  goodHeaders,
  openRaw,
  OUTSIDE_MARKER,
  rawCall,
  rpcHead,
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

function expectRefused(res: RawAnswer, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).not.toContain('"ok":true');
  expect(res.body).not.toContain(key);
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
}

describe('browser-host attack table: RPC', () => {
  // The port and key are known once the host runs; the row names are the same for every run.
  const names = rpcAttackRows(1, 'k').map((r) => r.name);
  it.each(names)('refuses %s', async (name) => {
    const row = rpcAttackRows(port, key).find((r) => r.name === name)!;
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

describe('browser-host attack table: the event stream (POST /events)', () => {
  // The same checks as /rpc: every header row of the RPC table, against the stream.
  const headerRows = rpcAttackRows(1, 'k').filter((r) => !r.method && !r.path);
  it.each(headerRows.map((r) => r.name))('refuses %s', async (name) => {
    const row = rpcAttackRows(port, key).find((r) => r.name === name)!;
    const res = await rawCall(port, {
      method: 'POST',
      path: '/events',
      headers: row.change(goodHeaders(t.host)),
      body: '{}',
    });
    expectRefused(res, row.status);
    expect(res.body).not.toContain('event:');
  });

  it.each(['GET', 'PUT', 'OPTIONS'])('refuses %s', async (method) => {
    const res = await rawCall(port, { method, path: '/events', headers: goodHeaders(t.host) });
    expectRefused(res, 405);
  });

  it('opens the stream for the page itself (so the refusals above are about the alteration)', async () => {
    const socket = await openRaw(
      port,
      rpcHead(t.host, 'x', 2).replace('POST /rpc/x ', 'POST /events ') + '{}',
    );
    const head = await new Promise<string>((resolve) =>
      socket.once('data', (c: Buffer) => resolve(c.toString('latin1'))),
    );
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head).toContain('text/event-stream');
  });
});

describe('browser-host attack table: downloads (GET /download/<ticket>)', () => {
  it.each<[string, Record<string, string>, number]>([
    ['a foreign Host', { host: 'evil.example' }, 421],
    ['a decimal IP Host', { host: 'HOST2130706433' }, 421],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a null Origin', { origin: 'null' }, 403],
    ['an unknown ticket', {}, 404],
  ])('refuses %s', async (_name, change, status) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...change };
    if (headers.host?.startsWith('HOST')) headers.host = `${headers.host.slice(4)}:${port}`;
    const res = await rawCall(port, { path: '/download/not-a-ticket', headers });
    expectRefused(res, status);
  });

  it('refuses POST', async () => {
    const res = await rawCall(port, {
      method: 'POST',
      path: '/download/not-a-ticket',
      headers: goodHeaders(t.host),
      body: '{}',
    });
    expectRefused(res, 405);
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
