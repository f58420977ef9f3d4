import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Envelope } from '../../shared/contract';
import {
  isOperationName,
  RPC_SOCKET_MAX_IN_FLIGHT,
  RPC_SOCKET_MESSAGE_MAX,
} from '../../shared/operations';
import { dispatch, type Handlers } from '../handlers';
import { checkPage, sameSecret } from './request-guard';

/** A socket that has not sent the launch key by then is closed. */
export const SOCKET_KEY_WAIT_MS = 5000;
/** Sockets open at once (pages, tabs); more are refused at the upgrade. */
export const SOCKET_MAX_OPEN = 16;

/** Close codes the page (and the tests) read. */
export const SOCKET_CLOSE = {
  /** No launch key in time, or a wrong one (as HTTP 401). */
  key: 4401,
  /** A binary frame: calls are JSON text. */
  notText: 1003,
  /** A message that is not JSON. */
  notJson: 1007,
  /** JSON that is not a call (`{ id, op, input }` with a whole-number id). */
  notCall: 1008,
} as const;

/** The answer when the host fails to produce one (as POST /rpc's 500 says it). */
const COULD_NOT_ANSWER: Envelope<never> = {
  ok: false,
  error: { message: 'The host could not answer this request.' },
};

interface Call {
  id: number;
  op: string;
  input?: unknown;
}

function isCall(value: unknown): value is Call {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isSafeInteger(v.id) && typeof v.op === 'string';
}

function keyOf(value: unknown): string {
  const key = typeof value === 'object' && value !== null ? (value as { key?: unknown }).key : '';
  return typeof key === 'string' ? key : '';
}

/** Ends an upgrade request with a plain HTTP answer (no WebSocket). */
function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface RpcSocketOptions {
  handlers: Handlers;
  port: () => number;
  key: string;
  keyWaitMs?: number;
}

/**
 * The handler table over one WebSocket per page, beside `POST /rpc/<name>` and behind the same
 * checks: the exact Host, the Origin of the page this host served, and the launch key (the first
 * message, compared in constant time). Input is read as the HTTP route reads it (one message at
 * most RPC_SOCKET_MESSAGE_MAX characters plus slack, JSON text only) and goes through the same
 * `dispatch`; anything else closes that socket and leaves the host and other sockets alone.
 */
export function createRpcSocket(options: RpcSocketOptions) {
  const keyWaitMs = options.keyWaitMs ?? SOCKET_KEY_WAIT_MS;
  const server = new WebSocketServer({
    noServer: true,
    // A call the page would send over HTTP instead is never this large (see RPC_SOCKET_MESSAGE_MAX).
    maxPayload: 4 * RPC_SOCKET_MESSAGE_MAX,
    perMessageDeflate: false,
  });

  function serve(ws: WebSocket): void {
    let ready = false;
    let shut = false;
    let inFlight = 0;
    /** Closes the socket; what else it sent before the close is not run. */
    const close = (code: number, reason: string) => {
      shut = true;
      ws.close(code, reason);
    };
    ws.on('error', () => undefined);
    const wait = setTimeout(() => close(SOCKET_CLOSE.key, 'No launch key'), keyWaitMs);
    ws.on('close', () => clearTimeout(wait));
    const answer = (id: number, envelope: Envelope<unknown>) => {
      if (ws.readyState !== ws.OPEN) return;
      let text: string;
      try {
        text = JSON.stringify({ id, envelope });
      } catch {
        text = JSON.stringify({ id, envelope: COULD_NOT_ANSWER });
      }
      ws.send(text);
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (shut) return;
      if (isBinary) return close(SOCKET_CLOSE.notText, 'Text frames only');
      let message: unknown;
      try {
        message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
      } catch {
        return close(SOCKET_CLOSE.notJson, 'Not JSON');
      }
      if (!ready) {
        if (!sameSecret(keyOf(message), options.key)) {
          return close(SOCKET_CLOSE.key, 'Missing or wrong launch key');
        }
        ready = true;
        clearTimeout(wait);
        return ws.send('{"ready":true}');
      }
      if (!isCall(message)) return close(SOCKET_CLOSE.notCall, 'Not a call');
      const { id, op } = message;
      if (!isOperationName(op)) {
        return answer(id, {
          ok: false,
          error: { message: `Unknown operation "${op.slice(0, 60)}"` },
        });
      }
      if (inFlight >= RPC_SOCKET_MAX_IN_FLIGHT) {
        const message = `Too many calls at once (${RPC_SOCKET_MAX_IN_FLIGHT}); try again when some have answered.`;
        return answer(id, { ok: false, error: { message } });
      }
      inFlight++;
      dispatch(options.handlers, op, message.input ?? {})
        .catch(() => COULD_NOT_ANSWER)
        .then((envelope) => {
          inFlight--;
          answer(id, envelope);
        });
    });
  }

  return {
    /** For the HTTP server's `upgrade` event on RPC_SOCKET_PATH. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => undefined);
      const page = checkPage(req, options.port());
      if (!page.ok) return refuse(socket, page.status, page.reason);
      if (server.clients.size >= SOCKET_MAX_OPEN) return refuse(socket, 503, 'Too many sockets');
      server.handleUpgrade(req, socket, head, serve);
    },
    refuse,
    close(): void {
      for (const ws of server.clients) ws.terminate();
      server.close();
    },
  };
}
