import { Agent, type Dispatcher } from 'undici';
import type { Failure, WireRequest, WireResponse } from '../../shared/wire';
import { callDeadlines } from './deadlines';
import { describeNetworkFailure } from './network-failure';
import { onAbort } from './watched-abort';

/** Bodies up to this size are kept for display; larger ones are counted but cut. */
export const DISPLAY_BODY_LIMIT = 5 * 1024 * 1024;

export interface SendOptions {
  timeoutSeconds: number;
  /** Aborts the request when the user presses Cancel. */
  signal?: AbortSignal;
  step: Failure['step'];
  /** Receives every body chunk, beyond the display limit too (the API response store). */
  onBodyChunk?: (chunk: Buffer) => void;
}

export type SendOutcome =
  { response: WireResponse; failure: null } | { response: null; failure: Failure };

const reasonPhrases: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? '';
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) for (const item of v) out.push([k, item]);
    else if (v !== undefined) out.push([k, v]);
  }
  return out;
}

/**
 * Reads one answer as undici delivers it (its dispatch handler): status, headers, and the body,
 * at most DISPLAY_BODY_LIMIT bytes of it kept while `size` counts every byte. `onBodyChunk` sees
 * every chunk. Its `abort` stops the request, also before undici has started sending it.
 */
class AnswerReader implements Dispatcher.DispatchHandler {
  status = 0;
  headers: Record<string, string | string[] | undefined> = {};
  firstByteMs = 0;
  size = 0;
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private controller: Dispatcher.DispatchController | null = null;
  private reason: Error | null = null;

  constructor(
    private readonly started: number,
    private readonly onBodyChunk: ((chunk: Buffer) => void) | undefined,
    private readonly done: (err: unknown) => void,
  ) {}

  abort(reason: Error): void {
    if (this.controller) this.controller.abort(reason);
    else this.reason = reason;
  }

  body(): Buffer {
    return this.chunks.length === 1 && this.chunks[0] ? this.chunks[0] : Buffer.concat(this.chunks);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.reason) controller.abort(this.reason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // An informational answer (103 Early Hints) comes before the real one: it is not the answer.
    if (statusCode < 200) return;
    this.firstByteMs = performance.now() - this.started;
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    this.onBodyChunk?.(chunk);
    if (this.kept >= DISPLAY_BODY_LIMIT) return;
    const part =
      chunk.length <= DISPLAY_BODY_LIMIT - this.kept
        ? chunk
        : chunk.subarray(0, DISPLAY_BODY_LIMIT - this.kept);
    this.chunks.push(part);
    this.kept += part.length;
  }

  onResponseEnd(): void {
    this.done(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, err: Error): void {
    this.done(err);
  }
}

/**
 * The dispatcher of calls without network settings of their own: an Agent of this undici, not
 * undici's global dispatcher. Node's built-in fetch shares that global slot and fills it with its
 * own, older undici when it runs first (a library's fetch, a script's), and that one does not
 * take this handler: every call failed with UND_ERR_INVALID_ARG.
 */
let ownAgent: Agent | null = null;
function defaultDispatcher(): Agent {
  return (ownAgent ??= new Agent());
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function answered(reader: AnswerReader, started: number): WireResponse {
  const bytes = reader.body();
  return {
    status: reader.status,
    statusText: reasonPhrase(reader.status),
    headers: flattenHeaders(reader.headers),
    bodyText: bytes.toString('utf8'),
    size: reader.size,
    truncated: reader.size > bytes.length,
    contentType: (reader.headers['content-type'] as string | undefined) ?? null,
    timings: {
      totalMs: Math.round(performance.now() - started),
      firstByteMs: Math.round(reader.firstByteMs),
    },
  };
}

interface DispatchTarget {
  origin: string;
  path: string;
}

/**
 * Where requests that cannot change go: frozen ones, like the token pipeline's, which sends
 * the same built request again while nothing changed. Parsing the URL again costs 20-30 µs of
 * a call on a CPU gone cold in the network wait (measured, A/B against the sandbox).
 */
const targets = new WeakMap<WireRequest, DispatchTarget>();

/**
 * Where a request goes, as undici takes it; worked out once per frozen request. (Not its headers
 * object: undici's ProxyAgent adds to the one it is given.)
 */
function dispatchTarget(wire: WireRequest): DispatchTarget {
  const kept = targets.get(wire);
  if (kept) return kept;
  const url = new URL(wire.url);
  const target: DispatchTarget = { origin: url.origin, path: `${url.pathname}${url.search}` };
  if (Object.isFrozen(wire)) targets.set(wire, target);
  return target;
}

/**
 * Sends one request exactly as described and reads the answer. Never throws: a failure to
 * connect, a timeout or a cancel comes back as a named Failure, at once (the request is aborted
 * when undici gets to it). Redirects are not followed, so a token request is never replayed to
 * another host.
 *
 * It hands the request to the dispatcher with a handler of its own rather than through undici's
 * `request()`: no response stream, no abort signal and no promise per body in between, which
 * takes 70-85 µs off every call to a local endpoint (measured; see `npm run bench:token`).
 */
export function sendRequest(
  wire: WireRequest,
  options: SendOptions,
  /** The transport's (proxy, CA); without one, this module's own Agent. */
  dispatcher?: Dispatcher,
): Promise<SendOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let cause: 'timeout' | 'cancelled' | null = null;
    let settled = false;
    const finish = (err: unknown) => {
      if (settled) return;
      settled = true;
      endDeadline();
      unwatch?.();
      resolve(
        err === null
          ? { failure: null, response: answered(reader, started) }
          : {
              response: null,
              failure: describeNetworkFailure(
                err,
                options.step,
                hostOf(wire.url),
                cause,
                options.timeoutSeconds,
              ),
            },
      );
    };
    const reader = new AnswerReader(started, options.onBodyChunk, finish);
    // One deadline per call for the whole answer (connect, headers and body), ended at the end.
    const stop = (why: 'timeout' | 'cancelled') => {
      if (settled) return;
      cause = why;
      const reason = new Error(why === 'timeout' ? 'Timed out' : 'Cancelled');
      reader.abort(reason);
      finish(reason);
    };
    const endDeadline = callDeadlines.add(options.timeoutSeconds * 1000, () => stop('timeout'));
    const unwatch = options.signal ? onAbort(options.signal, () => stop('cancelled')) : undefined;
    if (options.signal?.aborted) return stop('cancelled');
    try {
      const target = dispatchTarget(wire);
      (dispatcher ?? defaultDispatcher()).dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: wire.method as Dispatcher.HttpMethod,
          headers: Object.fromEntries(wire.headers),
          body: wire.body?.text ?? null,
          headersTimeout: options.timeoutSeconds * 1000,
          bodyTimeout: options.timeoutSeconds * 1000,
        },
        reader,
      );
    } catch (err) {
      finish(err);
    }
  });
}
