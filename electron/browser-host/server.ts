import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { isOperationName, RPC_PREFIX, RPC_SOCKET_PATH } from '../../shared/operations';
import { dispatch, type Handlers } from '../handlers';
import { checkHost, checkRpc } from './request-guard';
import { EVENTS_PATH } from '../../shared/events';
import type { EventFeed } from '../services/events/event-feed';
import { createEventStream } from './event-stream';
import { DOWNLOAD_PATH, serveDownload } from './download-route';
import type { DownloadSource } from '../services/response-export';
import { describeEscapedError } from './process-guard';
import { drainThenClose, MAX_BODY_BYTES, readBody } from './request-body';
import { readStaticFile } from './static-files';
import { createRpcSocket } from './rpc-socket';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface BrowserHost {
  port: number;
  key: string;
  /** The URL to open once: it carries the launch key, which the page moves out of the address bar. */
  url: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  handlers: Handlers;
  staticDir: string;
  port?: number;
  /** Tried first when `port` is 0 or not given; taken by something else, any free port is used. */
  preferredPort?: number;
  key?: string;
  /** Pushed state for the page at POST /events (see event-stream.ts). */
  events?: EventFeed;
  /** Save response in the browser: one-time downloads at GET /download/<ticket>. */
  downloads?: DownloadSource;
}

function headers(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, headers(type));
  res.end(body);
}

/** 413 with a one-line reason; the connection closes once the client has stopped sending. */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  const reason = `Request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`;
  res.writeHead(413, {
    ...headers('text/plain; charset=utf-8'),
    'Content-Length': String(Buffer.byteLength(reason)),
    Connection: 'close',
  });
  res.write(reason);
  drainThenClose(req, () => res.end());
}

/**
 * The browser host: serves the built renderer and the handler table on 127.0.0.1 only, for
 * machines where the Electron runtime cannot run.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const key = options.key ?? randomBytes(24).toString('base64url');
  let port = 0;
  const events = options.events && createEventStream(options.events, { port: () => port, key });
  const socket = createRpcSocket({ handlers: options.handlers, port: () => port, key });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    if (events && url.split('?')[0] === EVENTS_PATH) return events.serve(req, res);
    if (url.startsWith(DOWNLOAD_PATH)) return serveDownload(req, res, port, options.downloads);
    if (url.startsWith(RPC_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      const verdict = checkRpc(req, port, key);
      if (!verdict.ok) return send(res, verdict.status, 'text/plain', verdict.reason);
      const name = url.slice(RPC_PREFIX.length).split('?')[0] ?? '';
      if (!isOperationName(name)) return send(res, 404, 'text/plain', 'Unknown operation');
      const read = await readBody(req);
      if (read.kind === 'aborted') return void res.destroy();
      if (read.kind === 'too-large') return tooLarge(req, res);
      const text = read.text;
      let input: unknown;
      try {
        input = text ? JSON.parse(text) : {};
      } catch {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { message: 'Request body is not JSON' } }),
        );
      }
      const envelope = await dispatch(options.handlers, name, input);
      return send(res, 200, 'application/json', JSON.stringify(envelope));
    }
    const host = checkHost(req, port);
    if (!host.ok) return send(res, host.status, 'text/plain', host.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');
    const file = await readStaticFile(options.staticDir, url);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, file.type, file.body);
  };

  // Every request error ends that request only: the handler never rejects into the server.
  const server = createServer((req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    handle(req, res).catch((err: unknown) => {
      console.error(`Token Workbench: a request failed: ${describeEscapedError(err)}`);
      if (res.headersSent) res.destroy();
      else send(res, 500, 'text/plain', 'The host could not answer this request.');
    });
  });

  server.on('upgrade', (req: IncomingMessage, raw: Duplex, head: Buffer) => {
    if ((req.url ?? '').split('?')[0] === RPC_SOCKET_PATH) return socket.upgrade(req, raw, head);
    raw.on('error', () => undefined);
    socket.refuse(raw, 404, 'Not found');
  });

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  if (options.preferredPort !== undefined && !options.port) {
    // The data dir's own port when it is free (the page keeps its origin), else any free port.
    await listen(options.preferredPort).catch(() => listen(0));
  } else await listen(options.port ?? 0);
  port = (server.address() as AddressInfo).port;
  return {
    port,
    key,
    url: `http://127.0.0.1:${port}/?key=${key}`,
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
