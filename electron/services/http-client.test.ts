import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import type { WireRequest } from '../../shared/wire';
import { DISPLAY_BODY_LIMIT, sendRequest } from './http-client';
import { RequestRegistry } from './request-registry';
import { deepFreeze } from './store/deep-freeze';

const run = promisify(execFile);

let server: Server;
let base: string;
const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] =
  [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 5000);
      if (req.url === '/hints') {
        res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
        res.writeHead(200, { 'content-type': 'text/plain', 'x-final': 'yes' });
        return void res.end('final');
      }
      if (req.url === '/slow-1s') return void setTimeout(() => res.end('late'), 1000);
      if (req.url === '/drip') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part');
        return void setTimeout(() => res.end('late'), 5000);
      }
      if (req.url === '/big') {
        // Chunked, no Content-Length: the body is read chunk by chunk.
        res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        for (let i = 0; i < 6; i++) res.write(chunk);
        return void res.end('tail');
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-test': 'yes' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** This module bundled into a folder of its own, for scripts run in a process of their own. */
function bundledClient(): string {
  const dir = path.join(process.cwd(), 'node_modules/.cache/http-client-test');
  mkdirSync(dir, { recursive: true });
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'http-client.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: path.join(dir, 'http-client.mjs'),
    logLevel: 'error',
  });
  return dir;
}

describe('http client', () => {
  it("works in a process where Node's built-in fetch ran before undici was imported", async () => {
    // undici fills the global dispatcher slot with its Agent when it is first imported, unless
    // Node's fetch (a library's, a script's) ran before and filled it with an Agent of Node's
    // bundled, older undici, which does not take this client's handler. So, in a process of its
    // own: Node's fetch first, then this module (bundled), then one call.
    const dir = bundledClient();
    const script = `
      await fetch(${JSON.stringify(`${base}/echo?by=fetch`)});
      const { sendRequest } = await import('./http-client.mjs');
      const out = await sendRequest(
        { method: 'GET', url: ${JSON.stringify(`${base}/echo?by=app`)}, headers: [] },
        { timeoutSeconds: 5, step: 'api-call' },
      );
      console.log(JSON.stringify({ status: out.response?.status ?? null, failure: out.failure }));
      process.exit(0);`;
    const file = path.join(dir, 'fetch-first.mjs');
    writeFileSync(file, script);
    const { stdout } = await run(process.execPath, [file]);
    expect(JSON.parse(stdout)).toEqual({ status: 201, failure: null });
    expect(seen.map((r) => r.url)).toContain('/echo?by=fetch');
  });

  it('lets a process end after its last call: the deadline of a call keeps nothing alive', async () => {
    // The deadlines' one timer stays armed (here for 10 minutes) after the call; the script
    // does not exit by itself, so it ends only if nothing holds the event loop.
    const dir = bundledClient();
    const file = path.join(dir, 'ends-after-call.mjs');
    writeFileSync(
      file,
      `const { sendRequest } = await import('./http-client.mjs');
      const out = await sendRequest(
        { method: 'GET', url: ${JSON.stringify(`${base}/echo?by=ends`)}, headers: [] },
        { timeoutSeconds: 600, step: 'api-call' },
      );
      console.log(JSON.stringify({ status: out.response?.status ?? null }));`,
    );
    // Killed after 15 s if it hangs, so that a failure leaves no process behind.
    const { stdout } = await run(process.execPath, [file], { timeout: 15_000 });
    expect(JSON.parse(stdout)).toEqual({ status: 201 });
  });

  it('sends a frozen request again as it is, and a changeable one as it is now', async () => {
    const options = { timeoutSeconds: 5, step: 'api-call' } as const;
    // Frozen as the token pipeline freezes the requests it keeps.
    const frozen = deepFreeze<WireRequest>({
      method: 'GET',
      url: `${base}/echo?by=frozen`,
      headers: [['X-Kind', 'frozen']],
    });
    await sendRequest(frozen, options);
    await sendRequest(frozen, options);
    expect(seen.slice(-2).map((r) => [r.url, r.headers['x-kind']])).toEqual([
      ['/echo?by=frozen', 'frozen'],
      ['/echo?by=frozen', 'frozen'],
    ]);
    // Not frozen: what it says when it is sent, changed in between.
    const changing: WireRequest = { method: 'GET', url: `${base}/echo?by=first`, headers: [] };
    await sendRequest(changing, options);
    changing.url = `${base}/echo?by=second`;
    changing.headers.push(['X-Kind', 'changed']);
    await sendRequest(changing, options);
    expect(seen.slice(-2).map((r) => [r.url, r.headers['x-kind']])).toEqual([
      ['/echo?by=first', undefined],
      ['/echo?by=second', 'changed'],
    ]);
  });

  it('sends exactly the described request and reads the answer', async () => {
    const out = await sendRequest(
      {
        method: 'POST',
        url: `${base}/echo?q=1`,
        headers: [
          ['X-One', '1'],
          ['Content-Type', 'text/plain'],
        ],
        body: { contentType: 'text/plain', text: 'héllo' },
      },
      { timeoutSeconds: 5, step: 'api-call' },
    );
    expect(out.failure).toBeNull();
    expect(out.response).toMatchObject({
      status: 201,
      statusText: 'Created',
      bodyText: '{"ok":true}',
      size: 11,
      truncated: false,
    });
    expect(out.response?.headers).toContainEqual(['x-test', 'yes']);
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/echo?q=1', body: 'héllo' });
    expect(last?.headers['x-one']).toBe('1');
  });

  it('names a timeout', async () => {
    const out = await sendRequest(
      { method: 'GET', url: `${base}/slow`, headers: [] },
      { timeoutSeconds: 1, step: 'api-call' },
    );
    expect(out.failure).toMatchObject({ kind: 'timeout', title: 'Timed out' });
  });

  it('names a cancel', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const out = await sendRequest(
      { method: 'GET', url: `${base}/slow`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call', signal: controller.signal },
    );
    expect(out.failure?.kind).toBe('cancelled');
  });

  it('names a cancel through the request registry (a watched abort, no listener)', async () => {
    const registry = new RequestRegistry();
    const pending = registry.run('slow-1', (signal) =>
      sendRequest(
        { method: 'GET', url: `${base}/slow`, headers: [] },
        { timeoutSeconds: 10, step: 'api-call', signal },
      ),
    );
    setTimeout(() => registry.cancel('slow-1'), 100);
    const out = await pending;
    expect(out.failure).toMatchObject({ kind: 'cancelled', title: 'Cancelled' });
    expect(registry.size).toBe(0);
  });

  it('names a refused connection', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const out = await sendRequest(
      { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] },
      { timeoutSeconds: 5, step: 'connect' },
    );
    expect(out.failure).toMatchObject({ kind: 'connection-refused', step: 'connect' });
  });

  it('names a TLS failure (https spoken to a plain http port)', async () => {
    const out = await sendRequest(
      { method: 'GET', url: base.replace('http:', 'https:'), headers: [] },
      { timeoutSeconds: 5, step: 'api-call' },
    );
    expect(out.failure?.kind).toBe('tls');
  });

  it('names a DNS failure', async () => {
    const out = await sendRequest(
      { method: 'GET', url: 'https://no-such-team.invalid/', headers: [] },
      { timeoutSeconds: 5, step: 'api-call' },
    );
    expect(['dns', 'timeout']).toContain(out.failure?.kind);
    if (out.failure?.kind === 'dns') expect(out.failure.hint).toMatch(/Team and Cluster/);
  });

  it('keeps at most DISPLAY_BODY_LIMIT bytes of a body, counts every byte, and hands on every chunk', async () => {
    let seenBytes = 0;
    const out = await sendRequest(
      { method: 'GET', url: `${base}/big`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call', onBodyChunk: (c) => (seenBytes += c.length) },
    );
    const total = 6 * 1024 * 1024 + 4;
    expect(out.failure).toBeNull();
    expect(out.response?.size).toBe(total);
    expect(out.response?.bodyText.length).toBe(DISPLAY_BODY_LIMIT);
    expect(out.response?.truncated).toBe(true);
    expect(seenBytes).toBe(total);
    expect(out.response?.headers.filter(([k]) => k === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });

  it('reads the final answer after an informational one (103 Early Hints)', async () => {
    const out = await sendRequest(
      { method: 'GET', url: `${base}/hints`, headers: [] },
      { timeoutSeconds: 5, step: 'api-call' },
    );
    expect(out.response).toMatchObject({ status: 200, statusText: 'OK', bodyText: 'final' });
    expect(out.response?.headers).toContainEqual(['x-final', 'yes']);
    expect(out.response?.headers.map(([k]) => k)).not.toContain('link');
  });

  it('names a cancel that comes while the body arrives', async () => {
    const controller = new AbortController();
    const out = sendRequest(
      { method: 'GET', url: `${base}/drip`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call', signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    expect((await out).failure?.kind).toBe('cancelled');
  });

  it('answers a cancel at once while the request still waits for a connection, and never sends it', async () => {
    // One connection: the second request waits behind the first (which takes 1 s to answer).
    const dispatcher = new Agent({ connections: 1, pipelining: 1 });
    const before = seen.length;
    let firstDone = false;
    const first = sendRequest(
      { method: 'GET', url: `${base}/slow-1s`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call' },
      dispatcher,
    ).finally(() => (firstDone = true));
    const controller = new AbortController();
    const second = sendRequest(
      { method: 'GET', url: `${base}/echo?queued=1`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call', signal: controller.signal },
      dispatcher,
    );
    setTimeout(() => controller.abort(), 100);
    expect((await second).failure?.kind).toBe('cancelled');
    expect(firstDone).toBe(false);
    expect((await first).response?.bodyText).toBe('late');
    // The connection is free again: had the cancelled request not been dropped, it went out now.
    const third = await sendRequest(
      { method: 'GET', url: `${base}/echo?after=1`, headers: [] },
      { timeoutSeconds: 10, step: 'api-call' },
      dispatcher,
    );
    expect(third.response?.status).toBe(201);
    expect(seen.slice(before).map((r) => r.url)).toEqual(['/slow-1s', '/echo?after=1']);
    await dispatcher.close();
  });
});
