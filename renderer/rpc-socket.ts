import type { Envelope } from '../shared/contract';
import {
  RPC_SOCKET_MAX_IN_FLIGHT,
  RPC_SOCKET_MESSAGE_MAX,
  type OperationName,
} from '../shared/operations';

/** What the socket needs of a WebSocket (the browser's; the `ws` package's in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

export interface RpcSocket {
  /** The call's answer, or null when the socket cannot take it (the caller uses HTTP then). */
  call(name: OperationName, input: unknown): Promise<Envelope<unknown>> | null;
}

interface Waiting {
  resolve(envelope: Envelope<unknown>): void;
  reject(error: Error): void;
}

/**
 * The page's end of the browser host's RPC socket (see electron/browser-host/rpc-socket.ts). It
 * takes calls only once the host has accepted the launch key; until then, after it closes, for
 * a call too large for it and beyond RPC_SOCKET_MAX_IN_FLIGHT calls at once, `call` returns null
 * and the transport posts the call instead. A call in flight when the socket closes fails with
 * `lost(name)`: it is not sent again, since it may have run.
 */
export function openRpcSocket(
  url: string,
  key: string,
  make: SocketFactory,
  lost: (name: OperationName) => Error,
  isEnvelope: (value: unknown) => value is Envelope<unknown>,
): RpcSocket {
  let ready = false;
  let nextId = 1;
  const waiting = new Map<number, Waiting & { name: OperationName }>();
  let ws: SocketLike;
  try {
    ws = make(url);
  } catch {
    return { call: () => null };
  }
  const drop = () => {
    ready = false;
    for (const w of waiting.values()) w.reject(lost(w.name));
    waiting.clear();
  };
  ws.addEventListener('open', () => ws.send(JSON.stringify({ key })));
  ws.addEventListener('close', drop);
  ws.addEventListener('error', () => undefined);
  ws.addEventListener('message', (event) => {
    let message: unknown;
    try {
      message = typeof event.data === 'string' ? JSON.parse(event.data) : undefined;
    } catch {
      message = undefined;
    }
    const m = (typeof message === 'object' && message !== null ? message : {}) as {
      ready?: unknown;
      id?: unknown;
      envelope?: unknown;
    };
    if (!ready) {
      if (m.ready === true) ready = true;
      return;
    }
    const w = typeof m.id === 'number' ? waiting.get(m.id) : undefined;
    if (!w) return;
    waiting.delete(m.id as number);
    if (isEnvelope(m.envelope)) w.resolve(m.envelope);
    else w.reject(lost(w.name));
  });

  return {
    call(name, input) {
      if (!ready || ws.readyState !== OPEN || waiting.size >= RPC_SOCKET_MAX_IN_FLIGHT) return null;
      const text = JSON.stringify({ id: nextId, op: name, input: input ?? {} });
      if (text.length > RPC_SOCKET_MESSAGE_MAX) return null;
      const id = nextId++;
      return new Promise<Envelope<unknown>>((resolve, reject) => {
        waiting.set(id, { name, resolve, reject });
        ws.send(text);
      });
    },
  };
}
