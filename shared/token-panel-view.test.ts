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

  it("shows the panel's own answer at once when it is newer than main's state", () => {
    const fresh: TokenView = { ...token, accessToken: 'at-2', receivedAt: 5 };
    const ok: TokenResult = {
      request: null,
      response: null,
      token: fresh,
      failure: null,
      callId: 'c4',
    };
    // Main's state still holds the token of an earlier call, and an older failed renewal.
    const before = { profileId: 'p', token, lastAttempt: attempt(false, 'c3') };
    expect(tokenPanelView(ok, before, 6)).toMatchObject({
      current: fresh,
      issued: fresh,
      earlier: null,
      laterFailure: null,
    });
    // Without the answer's time, main's state decides, as before.
    expect(tokenPanelView(ok, before).issued).toBeNull();
  });

  it("lets main's newer state win over the panel's older answer", () => {
    const ok: TokenResult = { request: null, response: null, token, failure: null, callId: 'c1' };
    const renewed: TokenView = { ...token, accessToken: 'at-3', receivedAt: 9 };
    const after = {
      profileId: 'p',
      token: renewed,
      lastAttempt: { ...attempt(true, 'c5'), at: 9 },
    };
    expect(tokenPanelView(ok, after, 3).issued).toBe(renewed);
  });

  it("shows a newer failed answer of its own with main's token as the earlier one", () => {
    const v = tokenPanelView(
      failed,
      { profileId: 'p', token, lastAttempt: attempt(true, 'c1') },
      4,
    );
    expect(v).toMatchObject({ issued: null, earlier: token, failedAfterToken: true });
  });

  it('shows the token of a renewal that succeeded after its own failed answer as issued', () => {
    const renewed: TokenView = { ...token, accessToken: 'at-4', receivedAt: 9 };
    const after = {
      profileId: 'p',
      token: renewed,
      lastAttempt: { ...attempt(true, 'c6'), at: 9 },
    };
    expect(tokenPanelView(failed, after, 4)).toMatchObject({
      issued: renewed,
      earlier: null,
      failedAfterToken: false,
    });
  });
});
