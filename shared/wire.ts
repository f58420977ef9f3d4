/** What went over the wire, as shown to the user (secrets already masked). */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  /** Body as sent (text), with its content type; absent for requests without a body. */
  body?: { contentType: string; text: string };
}

export interface WireTimings {
  /** Milliseconds from sending to the whole body received. */
  totalMs: number;
  /** Milliseconds from sending to the response headers. */
  firstByteMs?: number;
}

export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Body decoded as UTF-8 (or a note for binary bodies). */
  bodyText: string;
  /** Bytes received in the body. */
  size: number;
  /** True when the body was larger than what is kept for display. */
  truncated: boolean;
  contentType: string | null;
  timings: WireTimings;
}

export type FailureKind =
  | 'timeout'
  | 'cancelled'
  | 'connection-refused'
  | 'dns'
  | 'tls'
  | 'connection-reset'
  | 'network'
  | 'invalid-input'
  | 'oauth-error'
  | 'not-json'
  | 'bad-token-response'
  | 'no-token'
  | 'http-error'
  | 'state-mismatch';

/** A failure named by the step it happened in, with a one-line hint. */
export interface Failure {
  step: 'prepare' | 'authorization' | 'connect' | 'token-endpoint' | 'api-call';
  kind: FailureKind;
  title: string;
  message: string;
  hint: string;
  /** For oauth-error: the server's `error` and `error_description`. */
  error?: string;
  errorDescription?: string;
}

export function headerValue(headers: readonly [string, string][], name: string): string | null {
  const n = name.toLowerCase();
  const hit = headers.find(([k]) => k.toLowerCase() === n);
  return hit ? hit[1] : null;
}
