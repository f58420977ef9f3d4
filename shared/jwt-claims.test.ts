import { describe, expect, it } from 'vitest';
import { claimText, decodeBase64Url, decodeJwtClaims } from './jwt-claims';

const b64url = (v: unknown) =>
  Buffer.from(JSON.stringify(v))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('JWT claims for display', () => {
  it('decodes header and payload, including non-ASCII text', () => {
    const token = `${b64url({ alg: 'RS256' })}.${b64url({ sub: 'Zoë', exp: 1700000000 })}.sig`;
    expect(decodeJwtClaims(token)).toEqual({
      header: { alg: 'RS256' },
      payload: { sub: 'Zoë', exp: 1700000000 },
    });
  });

  it('says null for an opaque token or a broken part', () => {
    expect(decodeJwtClaims('opaque-token-value')).toBeNull();
    expect(decodeJwtClaims('a.b.c')).toBeNull();
    expect(decodeJwtClaims(`${b64url([1])}.${b64url({})}.x`)).toBeNull();
  });

  it('shows times next to exp and iat', () => {
    expect(claimText('exp', 1700000000)).toBe('1700000000 (2023-11-14T22:13:20Z)');
    expect(claimText('scope', 'a b')).toBe('a b');
    expect(claimText('aud', ['x'])).toBe('["x"]');
  });
});

describe('base64url decoding', () => {
  it('gives the same bytes as Node for every length and byte value', () => {
    for (let len = 0; len < 70; len++) {
      const bytes = Buffer.from(Array.from({ length: len }, (_, i) => (i * 37 + len * 11) % 256));
      const text = bytes.toString('base64url');
      if (len === 0) expect(decodeBase64Url(text)).toBeNull();
      else expect(Buffer.from(decodeBase64Url(text) ?? [])).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet, padding and impossible lengths', () => {
    expect(decodeBase64Url('ab+c')).toBeNull();
    expect(decodeBase64Url('ab/c')).toBeNull();
    expect(decodeBase64Url('abc=')).toBeNull();
    expect(decodeBase64Url('abcde')).toBeNull();
    expect(decodeBase64Url('ab\u00e9c')).toBeNull();
  });
});
