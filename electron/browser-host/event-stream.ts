import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventFeed } from '../services/events/event-feed';
import { checkRpc } from './request-guard';

/** A comment line every so often keeps proxies and the page's reader from timing out. */
export const HEARTBEAT_MS = 15_000;
/** Bytes a slow page may leave unread before its stream is closed (it reconnects, snapshot first). */
export const MAX_UNREAD_BYTES = 1024 * 1024;
/** Streams open at once; the oldest is closed when another page connects. */
export const MAX_STREAMS = 8;

function frame(name: string, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * `POST /events`: Server-Sent Events (text/event-stream) for the page this host served. It goes
 * through exactly the /rpc checks (Host, Origin, launch key header, JSON). It is POST and not GET
 * because a same-origin GET carries no Origin header, so the /rpc Origin check could not apply; the
 * key stays in a header, never in the URL. The page first receives a snapshot of the current
 * state, then every event; a heartbeat comment every 15 s; unread data is bounded.
 */
export function createEventStream(feed: EventFeed, access: { port: () => number; key: string }) {
  const open = new Set<ServerResponse>();

  function serve(req: IncomingMessage, res: ServerResponse): void {
    const refuse = (status: number, reason: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end(reason);
    };
    if (req.method !== 'POST') return refuse(405, 'Method not allowed');
    const verdict = checkRpc(req, access.port(), access.key);
    if (!verdict.ok) return refuse(verdict.status, verdict.reason);
    // The request body ({}) carries nothing; read it off so the connection stays healthy.
    req.resume();
    if (open.size >= MAX_STREAMS) [...open][0]?.destroy();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    open.add(res);
    const write = (text: string) => {
      if (res.destroyed) return;
      if (res.writableLength > MAX_UNREAD_BYTES) return void res.destroy();
      res.write(text);
    };
    write(': connected\n\n');
    for (const event of feed.snapshot()) write(frame(event.name, event.payload));
    const unsubscribe = feed.subscribeAll((name, payload) => write(frame(name, payload)));
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    res.on('close', cleanup);
    req.on('error', () => res.destroy());
  }

  return {
    serve,
    /** Ends every stream (host shutdown). */
    closeAll: () => {
      for (const res of open) res.destroy();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
}
