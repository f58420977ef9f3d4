import { createServer } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost } from './server';
import { goodHeaders, rawCall, startTestHost, type TestHost } from './test-host';

// The basics of the browser host; the refusals are in attack-table.test.ts, aborted uploads and
// 413 in body-limits.test.ts and page-abort.test.ts.
let t: TestHost;
let host: TestHost['host'];

beforeAll(async () => {
  t = await startTestHost();
  host = t.host;
});

afterAll(async () => {
  await t.close();
});

const call = (opts: Parameters<typeof rawCall>[1]) => rawCall(host.port, opts);
const good = () => goodHeaders(host);

describe('browser host', () => {
  it('prints a URL on 127.0.0.1 that carries the launch key', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?key=${host.key}`);
    expect(host.key.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an RPC call from its own page', async () => {
    const res = await call({
      method: 'POST',
      path: '/rpc/listProfiles',
      headers: good(),
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('also accepts localhost:<port> with the matching Origin', async () => {
    const headers = {
      ...good(),
      host: `localhost:${host.port}`,
      origin: `http://localhost:${host.port}`,
    };
    expect(
      (await call({ method: 'POST', path: '/rpc/listProfiles', headers, body: '{}' })).status,
    ).toBe(200);
  });

  it('serves the page with a strict CSP and no CORS', async () => {
    const res = await call({ path: '/?key=abc', headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(
      (await call({ path: '/../../etc/passwd', headers: { host: `127.0.0.1:${host.port}` } }))
        .status,
    ).toBe(404);
  });

  it('rejects unknown input keys and names the field', async () => {
    const res = await call({
      method: 'POST',
      path: '/rpc/deleteProfile',
      headers: good(),
      body: '{"id":"x","extra":1}',
    });
    const env = JSON.parse(res.body) as { ok: boolean; error: { message: string } };
    expect(env.ok).toBe(false);
    expect(env.error.message).toMatch(/extra/);
  });

  it('listens on 127.0.0.1 only', async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of addresses) {
      await expect(
        call({ path: '/', address, headers: { host: `127.0.0.1:${host.port}` } }),
      ).rejects.toThrow();
    }
    await expect(
      call({ path: '/', address: '::1', headers: { host: `127.0.0.1:${host.port}` } }),
    ).rejects.toThrow();
  });
});

describe('browser host port', () => {
  it('takes its preferred port when free, and any free port when something else holds it', async () => {
    // A port that is free now: taken, then released.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const free = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));

    const first = await startBrowserHost({
      handlers: t.handlers,
      staticDir: t.staticDir,
      preferredPort: free,
    });
    expect(first.port).toBe(free);
    // Now held by the first host: the second one still starts, on another port.
    const second = await startBrowserHost({
      handlers: t.handlers,
      staticDir: t.staticDir,
      preferredPort: free,
    });
    expect(second.port).not.toBe(free);
    expect(second.port).toBeGreaterThan(0);
    await second.close();
    await first.close();
  });
});
