import { SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, parseAuthorizationHeader } from './bearer-check';
import { generateSandboxKeys } from './sandbox-keys';

describe('parseAuthorizationHeader', () => {
  it.each([
    [undefined, { kind: 'missing' }],
    ['', { kind: 'missing' }],
    ['Bearer abc', { kind: 'bearer', token: 'abc' }],
    ['bEaReR  abc ', { kind: 'bearer', token: 'abc' }],
    ['AppKey k1', { kind: 'appKey', key: 'k1' }],
    ['appkey k1', { kind: 'appKey', key: 'k1' }],
    ['Bearer', { kind: 'malformed' }],
    ['Basic YTpi', { kind: 'malformed' }],
    ['abc', { kind: 'malformed' }],
  ])('%j', (header, expected) => {
    expect(parseAuthorizationHeader(header)).toEqual(expected);
  });
});

describe('createTokenVerifier', async () => {
  const keys = await generateSandboxKeys();
  const privateJwk = keys.privateJwks.keys[0];
  if (!privateJwk) throw new Error('no key');
  const privateKey = await importJWK(privateJwk, 'RS256');
  const issuer = 'http://127.0.0.1:1234';
  const now = 1_800_000_000_000;
  const verify = createTokenVerifier({
    issuer,
    audience: issuer,
    publicJwks: keys.publicJwks,
    now: () => now,
  });

  function sign(overrides: { typ?: string; aud?: string; exp?: number } = {}) {
    return new SignJWT({ client_id: 'sandbox-basic', scope: 'studio audit.log:read' })
      .setProtectedHeader({ alg: 'RS256', typ: overrides.typ ?? 'at+jwt', kid: privateJwk?.kid })
      .setIssuer(issuer)
      .setAudience(overrides.aud ?? issuer)
      .setSubject('sandbox-basic')
      .setJti('jti-1')
      .setIssuedAt(now / 1000 - 10)
      .setExpirationTime(overrides.exp ?? now / 1000 + 889)
      .sign(privateKey);
  }

  it('accepts a token of its own and reads its scopes', async () => {
    const check = await verify(await sign());
    expect(check).toMatchObject({
      ok: true,
      token: { clientId: 'sandbox-basic', tokenId: 'jti-1' },
    });
    expect(check.ok && [...check.token.scopes]).toEqual(['studio', 'audit.log:read']);
  });

  it('tells an expired token from an invalid one', async () => {
    expect(await verify(await sign({ exp: now / 1000 - 1 }))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verify(await sign({ aud: 'http://elsewhere' }))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verify(await sign({ typ: 'JWT' }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verify('opaque-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verify('')).toEqual({ ok: false, reason: 'invalid' });
  });
});
