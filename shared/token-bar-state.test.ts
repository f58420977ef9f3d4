import { describe, expect, it } from 'vitest';
import type { TokenStateEvent } from './events';
import type { TokenResult, TokenView } from './results';
import type { Failure } from './wire';
import { tokenBarView } from './token-bar-state';

const token = (receivedAt: number): TokenView => ({
  profileId: 'p',
  accessToken: `t-${receivedAt}`,
  tokenType: 'Bearer',
  expiresIn: 899,
  receivedAt,
  requestedScopes: [],
  grantedScopes: [],
  scopeReturned: false,
  notGranted: [],
  origin: 'https://acme.eu-1.celonis.cloud',
});
const failure: Failure = {
  step: 'token-endpoint',
  kind: 'oauth-error',
  title: 'invalid_client',
  message: 'The server did not accept the client.\nMore.',
  hint: 'Check the secret.',
};

describe('token bar state', () => {
  it('says no token when nothing is known', () => {
    expect(tokenBarView(null, null)).toEqual({ kind: 'none' });
  });

  it('a failed attempt after a good token shows the failure and the EARLIER token', () => {
    const pushed: TokenStateEvent = {
      profileId: 'p',
      token: token(1000),
      lastAttempt: { at: 2000, trigger: 'get-token', ok: false, failure, finding: null },
    };
    const view = tokenBarView(
      pushed,
      { request: null, response: null, token: token(1000), failure: null },
      1000,
    );
    expect(view).toEqual({
      kind: 'failed',
      title: 'invalid_client',
      finding: 'The server did not accept the client.',
      earlier: token(1000),
    });
  });

  it('a local failure newer than the pushed state is shown, never the old token as success', () => {
    const pushed: TokenStateEvent = {
      profileId: 'p',
      token: token(1000),
      lastAttempt: { at: 1000, trigger: 'get-token', ok: true, failure: null, finding: null },
    };
    const local: TokenResult = { request: null, response: null, token: null, failure };
    const view = tokenBarView(pushed, local, 3000);
    expect(view.kind).toBe('failed');
    expect(view.kind === 'failed' && view.earlier).toEqual(token(1000));
  });

  it('a newer pushed token wins over an older local failure', () => {
    const pushed: TokenStateEvent = {
      profileId: 'p',
      token: token(5000),
      lastAttempt: { at: 5000, trigger: 'renewal', ok: true, failure: null, finding: null },
    };
    const local: TokenResult = { request: null, response: null, token: null, failure };
    expect(tokenBarView(pushed, local, 3000)).toEqual({ kind: 'valid', token: token(5000) });
  });

  it('without pushed state, the local token or failure decides', () => {
    expect(
      tokenBarView(null, { request: null, response: null, token: token(7), failure: null }, 7),
    ).toEqual({
      kind: 'valid',
      token: token(7),
    });
    expect(
      tokenBarView(null, { request: null, response: null, token: null, failure, diagnosis: [] }, 9),
    ).toMatchObject({ kind: 'failed', earlier: null });
  });
});
