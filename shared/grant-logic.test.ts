import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl, readCallback, redirectUriFor } from './authorization-url';
import { nextDevicePoll } from './device-poll';
import { parseServerMetadata, resolveEndpoints } from './discovery';
import { checkExpiry, expiryCheckOf, measureClockSkew } from './expiry-check';
import { backoffAfter429, methodVerdict, scopeVerdict } from './probe-verdicts';

async function jwt(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
}

describe('expiry cross-check', () => {
  const receivedAtMs = Date.UTC(2026, 0, 1, 12, 0, 0);
  const at = receivedAtMs / 1000;

  it('measures the clock skew at receipt from the Date header, in whole seconds', () => {
    expect(measureClockSkew(new Date(receivedAtMs).toUTCString(), receivedAtMs + 999)).toBe(0);
    expect(measureClockSkew(new Date(receivedAtMs + 120_000).toUTCString(), receivedAtMs)).toBe(
      120,
    );
    expect(measureClockSkew(new Date(receivedAtMs - 30_000).toUTCString(), receivedAtMs)).toBe(-30);
    expect(measureClockSkew(null, receivedAtMs)).toBeNull();
    expect(measureClockSkew('not a date', receivedAtMs)).toBeNull();
  });

  it('decodes header and claims (not verified) and agrees when exp matches expires_in', async () => {
    const c = checkExpiry({
      accessToken: await jwt({ exp: at + 899, sub: 'x' }),
      expiresIn: 899,
      receivedAtMs,
      clockSkewSeconds: 0,
    });
    expect(c.jwt?.header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(c.jwt?.claims.sub).toBe('x');
    expect(c).toMatchObject({ expDeltaSeconds: 0, clockSkewSeconds: 0, warnings: [] });
  });

  it('warns when exp and expires_in disagree by more than a few seconds', async () => {
    const c = checkExpiry({
      accessToken: await jwt({ exp: at + 3600 }),
      expiresIn: 899,
      receivedAtMs,
      clockSkewSeconds: null,
    });
    expect(c.expDeltaSeconds).toBe(2701);
    expect(c.warnings[0]).toMatch(/exp claim and expires_in disagree by 2701 s/);
  });

  it('warns on clock skew, and takes it out of the exp comparison', async () => {
    const c = checkExpiry({
      accessToken: await jwt({ exp: at + 120 + 899 }),
      expiresIn: 899,
      receivedAtMs,
      clockSkewSeconds: measureClockSkew(
        new Date(receivedAtMs + 120_000).toUTCString(),
        receivedAtMs,
      ),
    });
    expect(c.clockSkewSeconds).toBe(120);
    expect(c.expDeltaSeconds).toBe(0);
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings[0]).toMatch(/120 s ahead/);
  });

  it('checks a token as the page has it, and one kept without a skew as not compared', async () => {
    const token = {
      profileId: 'p',
      accessToken: await jwt({ exp: at + 899 }),
      tokenType: 'Bearer',
      expiresIn: 899,
      receivedAt: receivedAtMs,
      requestedScopes: [],
      grantedScopes: [],
      scopeReturned: false,
      notGranted: [],
      origin: 'https://acme.example',
    };
    expect(expiryCheckOf({ ...token, clockSkewSeconds: 120 })).toMatchObject({
      clockSkewSeconds: 120,
      expDeltaSeconds: -120,
    });
    expect(expiryCheckOf(token)).toMatchObject({ clockSkewSeconds: null, expDeltaSeconds: 0 });
  });

  it('treats an opaque token as opaque', () => {
    const c = checkExpiry({
      accessToken: 'opaque',
      expiresIn: 899,
      receivedAtMs,
      clockSkewSeconds: null,
    });
    expect(c).toEqual({ jwt: null, expDeltaSeconds: null, clockSkewSeconds: null, warnings: [] });
  });
});

describe('discovery', () => {
  it('uses announced endpoints, and names each fallback', () => {
    const m = parseServerMetadata({
      issuer: 'https://a.b.celonis.cloud',
      authorization_endpoint: 'https://a.b.celonis.cloud/oauth2/authorize',
      token_endpoint: 'https://a.b.celonis.cloud/oauth2/token',
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code'],
    });
    const r = resolveEndpoints('https://a.b.celonis.cloud', m, null);
    expect(r.endpoints.authorization).toEqual({
      url: 'https://a.b.celonis.cloud/oauth2/authorize',
      source: 'discovery',
    });
    expect(r.endpoints.deviceAuthorization.url).toBeNull();
    expect(r.notes).toEqual([
      'Discovery announces no device authorization endpoint (the device code grant needs one).',
    ]);
    const none = resolveEndpoints('https://a.b.celonis.cloud/', null, 'https://x/t');
    expect(none.endpoints.authorization).toEqual({
      url: 'https://a.b.celonis.cloud/oauth2/authorize',
      source: 'conventional',
    });
    expect(none.endpoints.token).toEqual({ url: 'https://x/t', source: 'profile' });
    expect(none.notes[0]).toBe(
      'No discovery document, so no authorization endpoint: using https://a.b.celonis.cloud/oauth2/authorize.',
    );
    expect(parseServerMetadata([])).toBeNull();
  });
});

describe('authorization request and callback', () => {
  it('builds the PKCE S256 request without an empty scope', () => {
    const url = new URL(
      buildAuthorizationUrl({
        authorizationEndpoint: 'https://t.c.celonis.cloud/oauth2/authorize',
        clientId: 'id',
        redirectUri: 'http://127.0.0.1:5000/callback',
        scope: undefined,
        state: 's',
        codeChallenge: 'c',
      }),
    );
    expect([...url.searchParams.keys()]).toEqual([
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
    ]);
    expect(redirectUriFor(0, '/callback')).toBe('http://127.0.0.1/callback');
    expect(redirectUriFor(8765, '/cb')).toBe('http://127.0.0.1:8765/cb');
  });

  it('checks state before anything else', () => {
    const p = (q: string) => new URLSearchParams(q);
    expect(readCallback(p('code=c&state=s'), 's')).toEqual({ kind: 'code', code: 'c' });
    expect(readCallback(p('code=c'), 's').kind).toBe('bad-state');
    expect(readCallback(p('code=c&state=x'), 's').kind).toBe('bad-state');
    expect(readCallback(p('error=access_denied&state=x'), 's').kind).toBe('bad-state');
    expect(readCallback(p('error=access_denied&state=s'), 's')).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: null,
    });
  });
});

describe('probe verdicts and device polling', () => {
  it('scope and method verdicts', () => {
    expect(scopeVerdict('a', { issued: true, grantedScopes: ['a'] })).toBe('granted');
    expect(scopeVerdict('a', { issued: true, grantedScopes: [] })).toBe('dropped');
    expect(scopeVerdict('a', { issued: true, grantedScopes: null })).toBe('granted');
    expect(scopeVerdict('a', { issued: false, grantedScopes: null })).toBe('rejected');
    expect(
      methodVerdict({ status: 400, error: 'unauthorized_client', issued: false }).verdict,
    ).toBe('accepted');
    expect(methodVerdict({ status: 401, error: 'invalid_client', issued: false }).verdict).toBe(
      'rejected',
    );
  });

  it('waits out 429 by Retry-After or x-ratelimit-reset, capped', () => {
    expect(backoffAfter429([['Retry-After', '2']], 0, 0)).toBe(2000);
    expect(backoffAfter429([['x-ratelimit-reset', '600']], 0, 0)).toBe(30_000);
    expect(backoffAfter429([], 2, 0)).toBe(4000);
  });

  it('device polling honours slow_down and stops on final errors', () => {
    expect(nextDevicePoll({ issued: false, error: 'authorization_pending' }, 5)).toEqual({
      kind: 'wait',
      intervalSeconds: 5,
    });
    expect(nextDevicePoll({ issued: false, error: 'slow_down' }, 5)).toEqual({
      kind: 'wait',
      intervalSeconds: 10,
    });
    expect(nextDevicePoll({ issued: false, error: 'expired_token' }, 5).kind).toBe('stop');
    expect(nextDevicePoll({ issued: false, error: 'access_denied' }, 5).kind).toBe('stop');
    expect(nextDevicePoll({ issued: true, error: null }, 5).kind).toBe('done');
  });
});
