// The misbehaving servers of the fault matrix, on 127.0.0.1: one HTTP server whose paths each
// play one fault (writing raw bytes to the socket where HTTP itself is the fault), HTTPS servers
// with bad certificates, and a "stolen" server that counts what a redirect would have delivered.
import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FaultCertificates } from './fault-certificates';

export const BIG_BODY_BYTES = 200 * 1024 * 1024;
/** The gzip bomb: this many zero bytes, sent compressed (about a thousandth of it on the wire). */
export const BOMB_BYTES = 256 * 1024 * 1024;

export interface FaultServers {
  /** http://127.0.0.1:<port>: the HTTP faults, one per path (see `faultPaths`). */
  http: string;
  /** Where the redirects point (another host name: localhost instead of 127.0.0.1). */
  stolen: string;
  /** Every request that reached the redirect target: must stay empty. */
  stolenRequests: {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[];
  tls: { selfSigned: string; expired: string; wrongName: string };
  /** A port nothing listens on. */
  refused: string;
  /** Compressed size of the gzip bomb, as sent. */
  bombWireBytes: number;
  close(): Promise<void>;
}

function listen(server: Server, address = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, address, () => resolve(String((server.address() as AddressInfo).port))),
  );
}

/** Writes raw bytes every `everyMs` until the client goes away. */
function drip(socket: Socket, first: string, next: string, everyMs: number): void {
  socket.write(first);
  const timer = setInterval(() => {
    if (socket.destroyed) clearInterval(timer);
    else socket.write(next);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (c: Buffer) => parts.push(c));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < BOMB_BYTES / zeros.length; i++) {
    if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
  }
  await new Promise((r) => gzip.end(r));
  return Buffer.concat(parts);
}

/** A 200 MB body made on the fly, so that neither side of the test holds it. */
function bigBody(): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let left = BIG_BODY_BYTES;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

const json = (res: ServerResponse, status: number, body: unknown, extra = {}) =>
  res.writeHead(status, { 'Content-Type': 'application/json', ...extra }).end(JSON.stringify(body));
const html = (res: ServerResponse, status: number) =>
  res
    .writeHead(status, { 'Content-Type': 'text/html' })
    .end('<!DOCTYPE html><html><body><h1>Sign in</h1><form></form></body></html>');

/** Each fault's path on the HTTP server; the token call and the API call both use it. */
export const faultPaths = {
  noAnswer: '/no-answer',
  slowHeaders: '/slow-headers',
  slowBody: '/slow-body',
  html500: '/html-500',
  html200: '/html-200',
  invalidJson: '/invalid-json',
  noAccessToken: '/no-access-token',
  rateLimited: '/rate-limited',
  bigBody: '/big-body',
  resetMidBody: '/reset-mid-body',
  closedBeforeAnswer: '/closed-before-answer',
  redirect302: '/redirect-302',
  redirect307: '/redirect-307',
  gzipBomb: '/gzip-bomb',
  emptyBody: '/empty-body',
} as const;

export async function startFaultServers(certs: FaultCertificates): Promise<FaultServers> {
  const bomb = await gzipBomb();
  const stolenRequests: FaultServers['stolenRequests'] = [];
  const stolenServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      stolenRequests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      });
      json(res, 200, { access_token: 'stolen', token_type: 'Bearer', expires_in: 60 });
    });
  });
  // Bound where `localhost` resolves here, so that a followed redirect would really arrive.
  const { address } = await lookup('localhost');
  const stolen = `http://localhost:${await listen(stolenServer, address)}`;

  const p = faultPaths;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]?.replace(/\/(oauth2\/token|api\/.*)$/, '') ?? '';
    req.resume();
    switch (path) {
      case p.noAnswer:
        return; // Reads the request, never answers.
      case p.slowHeaders:
        return drip(req.socket, 'HTTP/1.1 200 OK\r\n', 'X-Drip: 1\r\n', 200);
      case p.slowBody:
        return drip(
          req.socket,
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
          ' ',
          200,
        );
      case p.html500:
        return html(res, 500);
      case p.html200:
        return html(res, 200);
      case p.invalidJson:
        return res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end('{"access_token": "abc", "expires_in": 899,');
      case p.noAccessToken:
        return json(res, 200, { token_type: 'Bearer', expires_in: 899 });
      case p.rateLimited:
        return json(
          res,
          429,
          { title: 'Rate limit exceeded', status: 429, errorCode: 'LIMIT_RATE_EXCEEDED' },
          { 'Retry-After': '7' },
        );
      case p.bigBody:
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': BIG_BODY_BYTES,
        });
        return void bigBody().pipe(res);
      case p.resetMidBody:
        req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n');
        req.socket.write('Content-Length: 5000\r\n\r\n{"access_token":"');
        return void setTimeout(() => req.socket.resetAndDestroy(), 20);
      case p.closedBeforeAnswer:
        return void req.socket.resetAndDestroy();
      case p.redirect302:
        return res.writeHead(302, { Location: `${stolen}/steal` }).end();
      case p.redirect307:
        return res.writeHead(307, { Location: `${stolen}/steal` }).end();
      case p.gzipBomb:
        return res
          .writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Encoding': 'gzip',
            'Content-Length': bomb.length,
          })
          .end(bomb);
      case p.emptyBody:
        return res.writeHead(200, { 'Content-Type': 'application/json' }).end();
      default:
        return json(res, 404, { error: 'not a fault path' });
    }
  });
  const http = `http://127.0.0.1:${await listen(server)}`;

  const tlsServers = [certs.selfSigned, certs.expired, certs.wrongName].map((pair) =>
    createHttpsServer(pair, (_req, res) =>
      json(res, 200, { access_token: 'over-bad-tls', expires_in: 899 }),
    ),
  );
  const [selfSigned, expired, wrongName] = await Promise.all(tlsServers.map((s) => listen(s)));

  const gone = createServer();
  const refusedPort = await listen(gone);
  await new Promise((r) => gone.close(r));

  const all = [stolenServer, server, ...tlsServers];
  return {
    http,
    stolen,
    stolenRequests,
    tls: {
      selfSigned: `https://127.0.0.1:${selfSigned}`,
      expired: `https://127.0.0.1:${expired}`,
      wrongName: `https://127.0.0.1:${wrongName}`,
    },
    refused: `http://127.0.0.1:${refusedPort}`,
    bombWireBytes: bomb.length,
    close: async () => {
      for (const s of all) s.closeAllConnections();
      await Promise.all(all.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
