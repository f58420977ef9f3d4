import type { ScopeVerdict } from './grant-results';

/**
 * A scope's verdict from one token request: rejected when the server refused the request,
 * dropped when it issued a token whose `scope` lacks it, granted otherwise. A token without a
 * `scope` member grants what was asked (RFC 6749 §5.1).
 */
export function scopeVerdict(
  scope: string,
  outcome: { issued: boolean; grantedScopes: string[] | null },
): ScopeVerdict {
  if (!outcome.issued) return 'rejected';
  if (outcome.grantedScopes === null) return 'granted';
  return outcome.grantedScopes.includes(scope) ? 'granted' : 'dropped';
}

/** OAuth errors that come after a successful client authentication: the method worked. */
const authenticatedErrors = new Set([
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_grant',
]);

/** Whether a token endpoint answer shows that the client authentication was accepted. */
export function methodVerdict(answer: {
  status: number | null;
  error: string | null;
  issued: boolean;
}): { verdict: 'accepted' | 'rejected'; detail: string } {
  if (answer.issued) return { verdict: 'accepted', detail: 'Token issued.' };
  if (answer.error && authenticatedErrors.has(answer.error)) {
    return {
      verdict: 'accepted',
      detail: `Client authenticated; the grant itself was refused (${answer.error}).`,
    };
  }
  if (answer.status === null) return { verdict: 'rejected', detail: 'No answer from the server.' };
  return {
    verdict: 'rejected',
    detail: answer.error ? `Refused: ${answer.error}.` : `Refused with HTTP ${answer.status}.`,
  };
}

/** Polite pacing for probes: at least this long between two requests. */
export const PROBE_MIN_GAP_MS = 350;

/** How long to wait after a 429: Retry-After / x-ratelimit-reset (seconds or a date), capped. */
export function backoffAfter429(
  headers: readonly [string, string][],
  attempt: number,
  nowMs: number,
): number {
  const get = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1] ?? null;
  const raw = get('retry-after') ?? get('x-ratelimit-reset');
  let ms: number | null = null;
  if (raw !== null) {
    if (/^\d+(\.\d+)?$/.test(raw.trim())) ms = Number(raw) * 1000;
    else {
      const at = Date.parse(raw);
      if (Number.isFinite(at)) ms = at - nowMs;
    }
  }
  const fallback = 1000 * 2 ** attempt;
  return Math.min(30_000, Math.max(500, ms ?? fallback));
}
