import type { TokenAttempt, TokenStateEvent } from './events';
import type { TokenResult, TokenView } from './results';

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
 */
export function tokenPanelView(
  result: TokenResult | null,
  pushed: TokenStateEvent | null,
): TokenPanelView {
  const current = pushed ? pushed.token : (result?.token ?? null);
  const last = pushed?.lastAttempt ?? null;
  const lastIsOwn = !!last && !!result?.callId && last.callId === result.callId;
  const otherFailure = !!last && !last.ok && !lastIsOwn;
  const failedAfterToken = current !== null && (!!result?.failure || otherFailure);
  return {
    current,
    issued: failedAfterToken ? null : current,
    earlier: failedAfterToken ? current : null,
    failedAfterToken,
    laterFailure: otherFailure ? last : null,
    endpoint: result?.endpoint ?? last?.endpoint ?? null,
  };
}
