import { EventEmitter } from 'node:events';
import { request, type Dispatcher } from 'undici';
import type { Failure, WireRequest, WireResponse } from '../../shared/wire';
import { describeNetworkFailure } from './network-failure';
import { onAbort } from './watched-abort';

/** Bodies up to this size are kept for display; larger ones are counted but cut. */
export const DISPLAY_BODY_LIMIT = 5 * 1024 * 1024;

export interface SendOptions {
  timeoutSeconds: number;
  /** Aborts the request when the user presses Cancel. */
  signal?: AbortSignal;
  step: Failure['step'];
  dispatcher?: Dispatcher;
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

/** The body, at most DISPLAY_BODY_LIMIT bytes of it kept; `size` counts every byte. */
async function readBody(
  res: Dispatcher.ResponseData,
  onBodyChunk: ((chunk: Buffer) => void) | undefined,
): Promise<{ bytes: Buffer; size: number }> {
  const declared = Number(res.headers['content-length']);
  // A declared length within the limit is read in one go: undici ends the body at that length
  // and fails one that comes up short.
  if (!onBodyChunk && Number.isSafeInteger(declared) && declared <= DISPLAY_BODY_LIMIT) {
    const bytes = Buffer.from(await res.body.arrayBuffer());
    return { bytes, size: bytes.length };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    onBodyChunk?.(chunk);
    if (kept < DISPLAY_BODY_LIMIT) {
      const part = chunk.subarray(0, DISPLAY_BODY_LIMIT - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { bytes: Buffer.concat(chunks), size };
}

/**
 * Sends one request exactly as described and reads the answer. Never throws: a failure to
 * connect, a timeout or a cancel comes back as a named Failure. Redirects are not followed,
 * so a token request is never replayed to another host.
 */
export async function sendRequest(wire: WireRequest, options: SendOptions): Promise<SendOutcome> {
  // One abort for the timeout and the caller's cancel, its timer cleared when the call ends
  // (AbortSignal.timeout + AbortSignal.any left a live timer and signal behind for every call).
  // undici takes an EventEmitter with an `aborted` flag as the signal: it costs far less per call
  // than an AbortController, and only this function ever aborts it.
  const signal = Object.assign(new EventEmitter(), { aborted: false });
  const timeout = { aborted: false };
  const abort = () => {
    if (signal.aborted) return;
    signal.aborted = true;
    signal.emit('abort');
  };
  const timer = setTimeout(() => {
    timeout.aborted = true;
    abort();
  }, options.timeoutSeconds * 1000);
  if (options.signal?.aborted) abort();
  const unwatch = options.signal ? onAbort(options.signal, abort) : undefined;
  const host = () => {
    try {
      return new URL(wire.url).host;
    } catch {
      return wire.url;
    }
  };
  const started = performance.now();
  try {
    const res = await request(wire.url, {
      method: wire.method as Dispatcher.HttpMethod,
      headers: Object.fromEntries(wire.headers.map(([k, v]) => [k, v])) as Record<string, string>,
      body: wire.body?.text,
      signal,
      dispatcher: options.dispatcher,
      headersTimeout: options.timeoutSeconds * 1000,
      bodyTimeout: options.timeoutSeconds * 1000,
    });
    const firstByteMs = performance.now() - started;
    const { bytes, size } = await readBody(res, options.onBodyChunk);
    const headers = flattenHeaders(res.headers);
    const contentType = (res.headers['content-type'] as string | undefined) ?? null;
    return {
      failure: null,
      response: {
        status: res.statusCode,
        statusText: reasonPhrase(res.statusCode),
        headers,
        bodyText: bytes.toString('utf8'),
        size,
        truncated: size > bytes.length,
        contentType,
        timings: {
          totalMs: Math.round(performance.now() - started),
          firstByteMs: Math.round(firstByteMs),
        },
      },
    };
  } catch (err) {
    const cause = options.signal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : null;
    return {
      response: null,
      failure: describeNetworkFailure(err, options.step, host(), cause, options.timeoutSeconds),
    };
  } finally {
    clearTimeout(timer);
    unwatch?.();
  }
}
