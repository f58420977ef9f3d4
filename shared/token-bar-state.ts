/**
 * What the token bar says, from the pushed token state and the last answer the tab got itself.
 * A failed attempt after a good token is never shown as success: the bar shows the failure and
 * labels the still-valid token as the earlier one.
 */
import type { TokenStateEvent } from './events';
import type { TokenResult, TokenView } from './results';

export type TokenBarView =
  | { kind: 'none' }
  | { kind: 'valid'; token: TokenView }
  | {
      kind: 'failed';
      title: string;
      /** One line: the first finding's title, else the failure's detail. */
      finding: string;
      /** A token from before the failed attempt, still usable; labelled as the earlier one. */
      earlier: TokenView | null;
    };

/** When main's pushed state was made: its last attempt, else its token (ms since epoch; 0: none). */
export function pushedStateAt(pushed: TokenStateEvent | null): number {
  return pushed?.lastAttempt?.at ?? pushed?.token?.receivedAt ?? 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/**
 * `pushed` is main's view (newest); `local` is this tab's last call. The newer of the two wins:
 * a local answer newer than the last pushed attempt (no event yet) decides the bar.
 */
export function tokenBarView(
  pushed: TokenStateEvent | null,
  local: TokenResult | null | undefined,
  /** When this tab's call answered (ms since epoch); 0 when unknown. */
  localAt = 0,
): TokenBarView {
  const pushedAt = pushedStateAt(pushed);
  if (pushed && pushedAt >= localAt) {
    const attempt = pushed.lastAttempt;
    if (attempt && !attempt.ok) {
      const failure = attempt.failure;
      return {
        kind: 'failed',
        title: failure?.title ?? 'The token request failed',
        finding: firstLine(attempt.finding?.title ?? failure?.message ?? ''),
        earlier: pushed.token,
      };
    }
    return pushed.token ? { kind: 'valid', token: pushed.token } : { kind: 'none' };
  }
  if (local?.failure) {
    return {
      kind: 'failed',
      title: local.failure.title,
      finding: firstLine(local.diagnosis?.[0]?.title ?? local.failure.message),
      // A failed call's result carries no token; an earlier one is only known from main's state.
      earlier: pushed?.token ?? null,
    };
  }
  if (local?.token) return { kind: 'valid', token: local.token };
  return pushed?.token ? { kind: 'valid', token: pushed.token } : { kind: 'none' };
}
