import type { IncomingMessage } from 'node:http';

/** Largest RPC body the host reads (an import file of 5 MB as JSON text fits with room). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** After a 413, at most this much more is read and dropped before the connection is cut. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_IDLE_MS = 5_000;

export type BodyRead =
  | { kind: 'ok'; text: string }
  | { kind: 'too-large' }
  /** The client went away (closed, reset) before the body was complete: nobody to answer. */
  | { kind: 'aborted' };

/**
 * Reads an RPC body up to `limit` bytes. Never rejects: a request error ends this request only.
 * A body past the limit is not kept; see `drainThenClose` for answering it.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (read: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(read);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ kind: 'too-large' });
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle(req.complete ? { kind: 'ok', text: '' } : { kind: 'aborted' }));
  });
}

/**
 * Lets an answer written before the body was read (413) reach the client: the rest of the body is
 * read and dropped, and `end` runs once the client has sent it all (so closing the connection
 * does not turn into a reset that discards the answer), or when the client sends too much more
 * or stalls.
 */
export function drainThenClose(req: IncomingMessage, end: () => void): void {
  let dropped = 0;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    end();
    if (!req.complete) req.socket.destroy();
  };
  let timer = setTimeout(finish, DRAIN_IDLE_MS);
  if (req.complete || req.destroyed) return finish();
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > DRAIN_LIMIT_BYTES) return finish();
    clearTimeout(timer);
    timer = setTimeout(finish, DRAIN_IDLE_MS);
  });
  req.on('end', finish);
  req.on('error', finish);
  req.on('close', finish);
  req.resume();
}
