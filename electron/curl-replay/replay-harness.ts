import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { curlVariableNames } from '../../shared/curl';
import { isSlot, type SecretWireRequest } from '../../shared/structured-wire';
import type { WireRequest } from '../../shared/wire';
import { HttpTransport } from '../services/http-transport';

const run = promisify(execFile);

/** One request as the server received it: the bytes, not an interpretation of them. */
export interface Received {
  method: string;
  /** Path and query, exactly as on the request line. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The refresh token every answer carries (RFC 6749 allows one with any grant). */
export const REPLAY_REFRESH_TOKEN = 'rt+/=replay refresh';

/** A node:http server on 127.0.0.1 that keeps every request and answers like a token endpoint. */
export async function startReplayServer(): Promise<{
  origin: string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      const body = JSON.stringify({
        access_token: 'replayed',
        token_type: 'Bearer',
        expires_in: 60,
        refresh_token: REPLAY_REFRESH_TOKEN,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const transport = new HttpTransport();

/** Sends a request the way the app sends every call: through the one HttpTransport. */
export async function sendAsTheApp(wire: WireRequest): Promise<void> {
  const outcome = await transport.send(wire, { timeoutSeconds: 10, step: 'token-endpoint' });
  if (!outcome.response) throw new Error(`the app's request failed: ${outcome.failure.message}`);
}

/** Runs a copied command with /usr/bin/curl under `sh -c`, so that variables expand. */
export async function runCommand(command: string, env: Record<string, string> = {}) {
  return run('sh', ['-c', command], {
    env: { PATH: '/usr/bin:/bin', HOME: '/nowhere', ...env },
    timeout: 20_000,
  });
}

/** The values a user sets for the variables of a command: the secrets as they have them. */
export function variablesFor(
  request: SecretWireRequest,
  clientSecret: string | undefined,
): Record<string, string> {
  const env: Record<string, string> = {};
  const slots = [
    ...request.url,
    ...request.headers.flatMap(([, parts]) => parts),
    ...(request.body && request.body.type !== 'text' ? request.body.fields.map(([, v]) => v) : []),
  ].filter(isSlot);
  for (const slot of slots) {
    const name = curlVariableNames[slot.kind];
    env[name] =
      slot.kind === 'basic_credentials' || slot.kind === 'client_secret'
        ? (clientSecret ?? '')
        : slot.value;
  }
  return env;
}

/** Headers a client chooses, without the ones an HTTP stack adds on its own. */
export function chosenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const stack = new Set(['host', 'connection', 'content-length', 'user-agent', 'expect']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!stack.has(k) && v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export interface Part {
  headers: string;
  content: string;
}

/** The parts of a multipart/form-data body (RFC 7578), by the boundary its Content-Type names. */
export function multipartParts(contentType: string | undefined, body: Buffer): Part[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
  if (!boundary) throw new Error(`no multipart boundary in ${contentType ?? '(none)'}`);
  const text = body.toString('latin1');
  const pieces = text.split(`--${boundary}`);
  const last = pieces.pop();
  if (last !== '--\r\n' && last !== '--') throw new Error('multipart body does not end properly');
  return pieces.slice(1).map((p) => {
    const inner = p.slice(2, -2); // CRLF after the boundary line, CRLF before the next one
    const split = inner.indexOf('\r\n\r\n');
    return {
      headers: inner.slice(0, split).toLowerCase(),
      content: Buffer.from(inner.slice(split + 4), 'latin1').toString('utf8'),
    };
  });
}

/** What must be equal between the app's request and the replayed one. */
export function comparable(r: Received) {
  const type = r.headers['content-type'];
  const multipart = type?.startsWith('multipart/form-data') ?? false;
  const headers = chosenHeaders(r.headers);
  if (multipart) headers['content-type'] = 'multipart/form-data';
  return {
    method: r.method,
    target: r.target,
    headers,
    body: multipart ? multipartParts(type, r.body) : r.body.toString('base64'),
  };
}
