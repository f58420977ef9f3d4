import { describe, expect, it } from 'vitest';
import type { TokenAttempt } from './events';
import type { TokenResult, TokenView } from './results';
import { tokenPanelView } from './token-panel-view';

const token: TokenView = {
  profileId: 'p',
  accessToken: 'at-1',
  tokenType: 'Bearer',
  expiresIn: 899,
  receivedAt: 1,
  requestedScopes: [],
  grantedScopes: [],
  scopeReturned: false,
  notGranted: [],
  origin: 'http://127.0.0.1',
};
const failure = {
  step: 'token-endpoint' as const,
  kind: 'oauth-error' as const,
  title: 'invalid_client',
  message: 'm',
  hint: 'h',
  error: 'invalid_client',
};
const failed: TokenResult = { request: null, response: null, token: null, failure, callId: 'c2' };
const attempt = (ok: boolean, callId: string): TokenAttempt => ({
  at: 2,
  trigger: ok ? 'get-token' : 'renewal',
  ok,
  failure: ok ? null : failure,
  finding: null,
  callId,
});

describe('token panel view', () => {
  it('shows the still valid token only as the earlier one after a failed Get token', () => {
    const v = tokenPanelView(failed, { profileId: 'p', token, lastAttempt: attempt(false, 'c2') });
    expect(v).toMatchObject({ issued: null, earlier: token, failedAfterToken: true });
    expect(v.laterFailure).toBeNull();
  });

  it('names a failed renewal the panel did not make, and marks the token as earlier', () => {
    const ok: TokenResult = { request: null, response: null, token, failure: null, callId: 'c1' };
    const v = tokenPanelView(ok, { profileId: 'p', token, lastAttempt: attempt(false, 'c3') });
    expect(v.earlier).toBe(token);
    expect(v.laterFailure?.callId).toBe('c3');
  });

  it('shows a good token as issued, and nothing once main says there is none', () => {
    const ok: TokenResult = { request: null, response: null, token, failure: null, callId: 'c1' };
    expect(
      tokenPanelView(ok, { profileId: 'p', token, lastAttempt: attempt(true, 'c1') }),
    ).toMatchObject({
      issued: token,
      earlier: null,
    });
    expect(
      tokenPanelView(ok, { profileId: 'p', token: null, lastAttempt: null }).current,
    ).toBeNull();
  });
});
