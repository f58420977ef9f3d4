// Test helpers for the browser host: a real host on 127.0.0.1 over the real handler table, and
// raw HTTP calls whose Host, Origin and body are exactly what a test says (no client fixes them).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { emptyProfileFields } from '../../shared/profile';
import { createHandlers } from '../handlers';
import { memoryStore } from '../services/data-store';
import { MemoryVault } from '../services/secret-vault';
import { createServices, type Services } from '../services/services';
import { startBrowserHost, type BrowserHost } from './server';

/** The content of a file next to the served folder. */
export const OUTSIDE_MARKER = 'outside-the-static-folder-7f3a';

export interface TestHost {
  host: BrowserHost;
  handlers: ReturnType<typeof createHandlers>;
  services: Services;
  staticDir: string;
  close(): Promise<void>;
}

export async function startTestHost(
  options: Parameters<typeof createServices>[2] = {},
): Promise<TestHost> {
  const services = createServices(memoryStore(), new MemoryVault(null), options);
  const root = mkdtempSync(path.join(os.tmpdir(), 'twb-static-'));
  const staticDir = path.join(root, 'renderer');
  mkdirSync(staticDir);
  // A file beside the served folder: no path, however encoded, may reach it.
  writeFileSync(path.join(root, 'outside.txt'), OUTSIDE_MARKER);
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Token Workbench</title>',
  );
  const handlers = createHandlers(services, () => ({
    host: 'browser',
    version: 'test',
    dataDir: staticDir,
    secretStorage: 'memory',
    keychainProblem: null,
  }));
  const host = await startBrowserHost({
    handlers,
    staticDir,
    events: services.eventFeed,
    downloads: services.responseExport,
  });
  return {
    host,
    handlers,
    services,
    staticDir,
    close: async () => {
      await host.close();
      await services.close();
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP call with exactly these headers (no Host added). */
export function rawCall(
  port: number,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer;
    address?: string;
  },
): Promise<RawAnswer> {
  const headers = { ...opts.headers };
  if (opts.body !== undefined && !Object.keys(headers).some((k) => /^content-length$/i.test(k)))
    headers['content-length'] = String(Buffer.byteLength(opts.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers,
        setHost: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** The headers of a call from the host's own page. */
export function goodHeaders(host: BrowserHost): Record<string, string> {
  return {
    host: `127.0.0.1:${host.port}`,
    origin: `http://127.0.0.1:${host.port}`,
    'x-workbench-key': host.key,
    'content-type': 'application/json',
  };
}

/** Opens a TCP connection, writes `head` and `body`, and waits until the bytes are written. */
export function openRaw(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text, () => resolve(socket)));
    socket.on('error', reject);
  });
}

/** Reads whatever the server sends until it closes; `reset` says whether it ended with a RST. */
export function readUntilClosed(socket: Socket): Promise<{ text: string; reset: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    let reset = false;
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') reset = true;
    });
    socket.on('close', () => resolve({ text, reset }));
  });
}

/** The raw request head of an RPC call from the host's own page. */
export function rpcHead(host: BrowserHost, op: string, contentLength: number): string {
  return [
    `POST /rpc/${op} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    `Origin: http://127.0.0.1:${host.port}`,
    `X-Workbench-Key: ${host.key}`,
    'Content-Type: application/json',
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');
}

/**
 * A profile whose Base URL is a server that takes connections and never answers: every call it
 * makes (discovery, a token) waits until cancelled. `close` ends that server.
 */
export async function profileThatNeverAnswers(
  services: Services,
): Promise<{ profileId: string; close(): void }> {
  const held = new Set<Socket>();
  const hole = createServer((c) => held.add(c.on('error', () => undefined)));
  await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
  const profile = await services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: 'never answers',
      baseUrl: `http://127.0.0.1:${(hole.address() as AddressInfo).port}`,
      clientId: 'held-client',
    },
    clientSecret: 'held-secret-1',
  });
  return {
    profileId: profile.id,
    close: () => {
      for (const c of held) c.destroy();
      hole.close();
    },
  };
}
