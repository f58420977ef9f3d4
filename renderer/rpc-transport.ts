import type { Envelope, WorkbenchTransport } from '../shared/contract';
import { LAUNCH_KEY_HEADER, operationNames, rpcPath, RPC_SOCKET_PATH } from '../shared/operations';
import type { OperationName } from '../shared/operations';
import { EVENTS_PATH } from '../shared/events';
import { createFrameReader, type EventFrame } from '../shared/event-frames';
import { openRpcSocket, type SocketFactory } from './rpc-socket';

/** The browser host could not be reached, or answered something that is not an envelope. */
export class HostUnreachableError extends Error {
  override readonly name = 'HostUnreachableError';
}

/** The browser host refused this page's launch key (it changes on every start). */
export class LaunchKeyRejectedError extends Error {
  override readonly name = 'LaunchKeyRejectedError';
}

export interface RpcTransportOptions {
  /** Origin of the host; empty for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Opens the RPC socket; the browser's WebSocket by default, null for HTTP only. */
  socket?: SocketFactory | null;
}

const browserSocket: SocketFactory | null =
  typeof WebSocket === 'function' ? (url) => new WebSocket(url) : null;

/** ws://host/rpc-socket for an http://host origin (the page's own when baseUrl is empty). */
function socketUrl(baseUrl: string): string | null {
  const origin = baseUrl || (typeof location === 'undefined' ? '' : location.origin);
  return origin.startsWith('http') ? `ws${origin.slice(4)}${RPC_SOCKET_PATH}` : null;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; value?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  return typeof (v.error as { message?: unknown }).message === 'string';
}

/**
 * A `WorkbenchTransport` to the browser host: over its RPC socket once the host has accepted the
 * launch key there, over `POST /rpc/<operation>` before that, after the socket closed, and for
 * calls too large for it.
 */
export function createRpcTransport(
  key: string,
  options: RpcTransportOptions = {},
): WorkbenchTransport {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const make = options.socket === undefined ? browserSocket : options.socket;
  const url = socketUrl(baseUrl);
  const lost = (name: OperationName) =>
    new HostUnreachableError(
      `The connection to the workbench host closed while "${name}" ran. Is \`npm run browser\` still running?`,
    );
  const socket = make && url ? openRpcSocket(url, key, make, lost, isEnvelope) : null;

  function call(name: OperationName, input: unknown): Promise<Envelope<unknown>> {
    return socket?.call(name, input) ?? post(name, input);
  }

  async function post(name: OperationName, input: unknown): Promise<Envelope<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${rpcPath(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [LAUNCH_KEY_HEADER]: key },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HostUnreachableError(
        `Could not reach the workbench host for "${name}" (${reason}). Is \`npm run browser\` still running?`,
      );
    }
    let body: unknown = undefined;
    const text = await response.text().catch(() => '');
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.status === 401 || response.status === 403) {
      const reason = isEnvelope(body) && !body.ok ? body.error.message : text.trim().slice(0, 200);
      const detail = reason
        ? ` (HTTP ${response.status}: ${reason})`
        : ` (HTTP ${response.status})`;
      throw new LaunchKeyRejectedError(
        `The workbench host did not accept this page's launch key${detail}. The key changes every time the host starts.`,
      );
    }
    if (!isEnvelope(body)) {
      throw new HostUnreachableError(
        `The workbench host answered "${name}" with HTTP ${response.status} and no result.`,
      );
    }
    return body;
  }

  const transport: Partial<Record<OperationName, (input: unknown) => Promise<Envelope<unknown>>>> =
    {};
  for (const name of operationNames) transport[name] = (input) => call(name, input);
  return transport as unknown as WorkbenchTransport;
}

export interface EventStreamOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Waits before reconnecting, growing from 1 s to 10 s (reset by a frame). */
  retryMs?: (attempt: number) => number;
}

/**
 * Reads the browser host's event stream (`POST /events`, Server-Sent Events) with `fetch` and a
 * streaming body reader, so the launch key goes in a header as for /rpc and never in a URL.
 * Reconnects after a drop (each connection starts with a snapshot); `stop` ends it for good.
 */
export function openEventStream(
  key: string,
  onFrame: (frame: EventFrame) => void,
  options: EventStreamOptions = {},
): { stop(): void } {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const retryMs = options.retryMs ?? ((n: number) => Math.min(10_000, 1000 * 2 ** n));
  const controller = new AbortController();
  let attempt = 0;

  async function readOnce(): Promise<void> {
    const response = await doFetch(`${options.baseUrl ?? ''}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [LAUNCH_KEY_HEADER]: key },
      body: '{}',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const frames = createFrameReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of frames.push(value)) {
        attempt = 0;
        onFrame(frame);
      }
    }
  }

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await readOnce();
      } catch {
        // Dropped or refused: wait, then connect again (a new launch key needs a reload).
      }
      if (controller.signal.aborted) return;
      await new Promise((r) => setTimeout(r, retryMs(attempt++)));
    }
  })();
  return { stop: () => controller.abort() };
}
