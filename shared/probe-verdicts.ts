import type { ScopeVerdict } from './grant-results';

/** Errors in which the server names a scope it will not give this client. */
const scopeErrors = new Set(['invalid_scope', 'unauthorized_scope']);

/**
 * A scope's verdict from one token request: rejected when the server refused the scope, dropped
 * when it issued a token whose `scope` lacks it, granted otherwise (a token without a `scope`
 * member grants what was asked, RFC 6749 §5.1). A refusal that is not about scopes (the client
 * did not authenticate, the grant was refused, no answer) is undecided: it says nothing about the
 * scope. Without `error` a refusal counts as rejected, as before.
 */
export function scopeVerdict(
  scope: string,
  outcome: { issued: boolean; grantedScopes: string[] | null; error?: string | null },
): ScopeVerdict {
  if (!outcome.issued) {
    if (outcome.error === undefined || (outcome.error !== null && scopeErrors.has(outcome.error)))
      return 'rejected';
    return 'undecided';
  }
  if (outcome.grantedScopes === null) return 'granted';
  return outcome.grantedScopes.includes(scope) ? 'granted' : 'dropped';
}

export type MethodVerdict = 'accepted' | 'rejected' | 'undecided';

/** What one method probe request got back (nothing secret). */
export interface MethodAnswer {
  /** HTTP status; null when no answer came (network failure, cancelled). */
  status: number | null;
  /** The OAuth `error` of the answer, if any. */
  error: string | null;
  issued: boolean;
}

export interface MethodVerdictResult {
  verdict: MethodVerdict;
  /** Why, in words: what the answer shows and what it does not. */
  detail: string;
}

/**
 * Errors a server may give before it looks at the client or whatever the client sent: they do
 * not show that the client authenticated, and they are not a rejection of the method either.
 */
const requestErrors = new Set([
  'unsupported_grant_type',
  'invalid_scope',
  'unauthorized_scope',
  'invalid_grant',
  'invalid_request',
]);

function failedAuthentication(a: MethodAnswer): boolean {
  return a.error === 'invalid_client' || (a.status === 401 && a.error === null);
}

/**
 * Whether one token endpoint answer shows that the client authentication was accepted, judged
 * on this answer alone. `methodVerdicts` also compares the methods' answers with each other.
 */
export function methodVerdict(answer: MethodAnswer): MethodVerdictResult {
  if (answer.issued) return { verdict: 'accepted', detail: 'Token issued.' };
  if (answer.status === null)
    return { verdict: 'undecided', detail: 'No answer from the server, so nothing is known.' };
  if (failedAuthentication(answer)) {
    return {
      verdict: 'rejected',
      detail: answer.error
        ? `Refused: ${answer.error} (the client did not authenticate this way).`
        : `Refused with HTTP ${answer.status}: the client did not authenticate this way.`,
    };
  }
  const e = answer.error;
  if (e === 'unauthorized_client') {
    return {
      verdict: 'accepted',
      detail:
        'Client authenticated (unauthorized_client means an authenticated client may not use this grant).',
    };
  }
  if (e === 'invalid_scope' || e === 'unauthorized_scope') {
    return {
      verdict: 'undecided',
      detail: `A scope was refused (${e}): that is not a rejection of the method, but it does not show that the client authenticated either (servers may check scopes first). Probe scopes, or ask without the scope, to decide.`,
    };
  }
  if (e === 'unsupported_grant_type') {
    return {
      verdict: 'undecided',
      detail:
        'The grant was refused (unsupported_grant_type): servers may check the grant type before the client, so this does not show that the client authenticated.',
    };
  }
  if (e !== null && requestErrors.has(e)) {
    return {
      verdict: 'undecided',
      detail: `The request was refused (${e}) without a word about the client, so the answer does not tell whether this method works.`,
    };
  }
  return {
    verdict: 'undecided',
    detail: e
      ? `Refused with ${e}, which says nothing definite about the client authentication.`
      : `HTTP ${answer.status} without an OAuth error: nothing definite about the client authentication.`,
  };
}

/**
 * Verdicts for all methods tried with the same request: where one method was refused with
 * invalid_client and another got a grant or scope error instead, the server told the methods
 * apart, so the other one did authenticate. Where every method got the same answer, the answer
 * is about the request, not the method.
 */
export function methodVerdicts(
  answers: readonly MethodAnswer[],
  /** The same request with a deliberately wrong secret, when the probe sent one. */
  control?: MethodAnswer,
): MethodVerdictResult[] {
  if (control?.issued) {
    // A server that issues tokens for a wrong secret checks no secret: nothing to learn here.
    return answers.map(() => ({
      verdict: 'undecided',
      detail:
        'The server also issued a token for a wrong secret: it checks no client credentials, so this shows nothing about the method.',
    }));
  }
  const alone = answers.map(methodVerdict);
  const someFailed = answers.some(failedAuthentication);
  const someIssued = answers.some((a) => a.issued);
  const errors = new Set(answers.map((a) => (a.issued ? '(token)' : (a.error ?? `${a.status}`))));
  return answers.map((a, i) => {
    const own = alone[i] ?? methodVerdict(a);
    if (own.verdict !== 'undecided' || a.status === null) return own;
    if (someIssued) {
      return {
        verdict: 'rejected',
        detail: `Refused (${a.error ?? `HTTP ${a.status}`}) where another method got a token for the same request: the difference is the client authentication.`,
      };
    }
    if (
      someFailed &&
      a.error !== null &&
      a.error !== 'invalid_request' &&
      requestErrors.has(a.error)
    ) {
      return {
        verdict: 'accepted',
        detail: `Client authenticated: another method was refused with invalid_client, this one got past it; the request itself was refused (${a.error}).`,
      };
    }
    if (answers.length > 1 && errors.size === 1) {
      return {
        verdict: 'undecided',
        detail: `${own.detail} Every method got the same answer, so it is about the request (grant, scope), not the method.`,
      };
    }
    return own;
  });
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
