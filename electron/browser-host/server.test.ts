import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { memoryStore } from '../services/data-store';
import { MemoryVault } from '../services/secret-vault';
import { createServices } from '../services/services';
import { startBrowserHost, type BrowserHost } from './server';

let host: BrowserHost;
const services = createServices(memoryStore(), new MemoryVault(null));
const staticDir = mkdtempSync(path.join(os.tmpdir(), 'twb-static-'));
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Token Workbench</title>');

beforeAll(async () => {
  const handlers = createHandlers(services, () => ({
    host: 'browser',
    version: 'test',
    dataDir: staticDir,
    secretStorage: 'memory',
    keychainProblem: null,
  }));
  host = await startBrowserHost({ handlers, staticDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
});

/** A raw HTTP call, so that Host and Origin are exactly what the test says. */
function call(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  address?: string;
}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const good = () => ({
  host: `127.0.0.1:${host.port}`,
  origin: `http://127.0.0.1:${host.port}`,
  'x-workbench-key': host.key,
  'content-type': 'application/json',
});

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

  it.each<[string, Record<string, string>, number]>([
    ['a wrong Host', { host: 'evil.example' }, 421],
    ['a Host with another port', { host: '127.0.0.1:1' }, 421],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a missing Origin', { origin: '' }, 403],
    ['a missing launch key', { 'x-workbench-key': '' }, 401],
    ['a wrong launch key', { 'x-workbench-key': 'x'.repeat(32) }, 401],
    ['a form post', { 'content-type': 'text/plain' }, 415],
  ])('refuses an RPC call with %s', async (_name, override, status) => {
    const headers: Record<string, string> = { ...good(), ...override };
    if (override.host?.startsWith('evil')) headers.host = `evil.example:${host.port}`;
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const res = await call({ method: 'POST', path: '/rpc/listProfiles', headers, body: '{}' });
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('"ok":true');
  });

  it('does not take the launch key from the query string', async () => {
    const { 'x-workbench-key': _k, ...headers } = good();
    const res = await call({
      method: 'POST',
      path: `/rpc/listProfiles?key=${host.key}`,
      headers,
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('refuses a static page for a wrong Host (DNS rebinding)', async () => {
    const res = await call({ path: '/', headers: { host: `attacker.example:${host.port}` } });
    expect(res.status).toBe(421);
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

  it('answers a preflight without CORS permission', async () => {
    const res = await call({
      method: 'OPTIONS',
      path: '/rpc/listProfiles',
      headers: { host: `127.0.0.1:${host.port}`, origin: 'http://evil.example' },
    });
    expect(res.status).toBe(405);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
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
