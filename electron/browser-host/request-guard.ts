import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LAUNCH_KEY_HEADER } from '../../shared/operations';

export interface GuardVerdict {
  ok: boolean;
  status: number;
  reason: string;
}

const allow: GuardVerdict = { ok: true, status: 200, reason: '' };

/** The exact Host values this server answers to; anything else may be DNS rebinding. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(req: IncomingMessage, port: number): GuardVerdict {
  const host = req.headers.host ?? '';
  return allowedHosts(port).includes(host)
    ? allow
    : { ok: false, status: 421, reason: 'Wrong Host header' };
}

/** The comparison the launch key goes through: Node's constant-time one (a test checks it is). */
export const constantTimeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => boolean =
  timingSafeEqual;

/**
 * Compares a given key with the launch key in constant time. Both are hashed to 32 bytes first,
 * so a key of another length is compared the same way (no early return, no exception).
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return constantTimeEqual(a, b);
}

/**
 * A request from the page this server served: the exact Host, and an Origin matching it (the
 * RPC routes and the RPC socket's upgrade both require it).
 */
export function checkPage(req: IncomingMessage, port: number): GuardVerdict {
  const host = checkHost(req, port);
  if (!host.ok) return host;
  return req.headers.origin === `http://${req.headers.host}`
    ? allow
    : { ok: false, status: 403, reason: 'Foreign or missing Origin' };
}

/**
 * An RPC call must carry the launch key in a header (never the query string), come from the page
 * this server served (exact Origin matching the Host), and be JSON. No CORS headers are ever sent,
 * so no other origin can read an answer or pass a preflight.
 */
export function checkRpc(req: IncomingMessage, port: number, key: string): GuardVerdict {
  const page = checkPage(req, port);
  if (!page.ok) return page;
  const given = req.headers[LAUNCH_KEY_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, key)) {
    return { ok: false, status: 401, reason: 'Missing or wrong launch key' };
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return { ok: false, status: 415, reason: 'Content-Type must be application/json' };
  }
  return allow;
}
