import type { TokenAttempt, TokenStateEvent } from './events';
import type { TokenResult, TokenView } from './results';
import { pushedStateAt } from './token-bar-state';

/** What the token panel shows, from the panel's last call and the state main pushed. */
export interface TokenPanelView {
  /** The token valid now (pushed), or the last call's token before any state arrived. */
  current: TokenView | null;
  /** The token to show as the one just issued. */
  issued: TokenView | null;
  /** The token to show as EARLIER: a later attempt failed and this one is still valid. */
  earlier: TokenView | null;
  failedAfterToken: boolean;
  /** A failed attempt the panel did not make itself (automatic renewal, another tab). */
  laterFailure: TokenAttempt | null;
  endpoint: TokenResult['endpoint'] | null;
}

/**
 * A failed attempt after a good token is part of the state: the failure is shown, and the token
 * that is still valid is shown only as the earlier one, never as the result of the attempt.
 * As in the token bar (tokenBarView), the newer of main's state and the panel's own answer wins:
 * the answer of a Get token may arrive before the state main pushes for it, and then shows at
 * once. `resultAt` is when that answer arrived (ms since epoch; 0 when unknown).
 */
export function tokenPanelView(
  result: TokenResult | null,
  pushed: TokenStateEvent | null,
  resultAt = 0,
): TokenPanelView {
  const pushedAt = pushedStateAt(pushed);
  const ownIsNewer = result !== null && pushed !== null && resultAt > pushedAt;
  const current = pushed && !ownIsNewer ? pushed.token : (result?.token ?? pushed?.token ?? null);
  const last = ownIsNewer ? null : (pushed?.lastAttempt ?? null);
  const lastIsOwn = !!last && !!result?.callId && last.callId === result.callId;
  const otherFailure = !!last && !last.ok && !lastIsOwn;
  // The panel's own failure no longer counts once main has a newer attempt (a renewal after it).
  const superseded = !!last && !lastIsOwn && resultAt > 0 && pushedAt > resultAt;
  const ownFailure = !!result?.failure && !superseded;
  const failedAfterToken = current !== null && (ownFailure || otherFailure);
  return {
    current,
    issued: failedAfterToken ? null : current,
    earlier: failedAfterToken ? current : null,
    failedAfterToken,
    laterFailure: otherFailure ? last : null,
    endpoint: result?.endpoint ?? pushed?.lastAttempt?.endpoint ?? null,
  };
}
