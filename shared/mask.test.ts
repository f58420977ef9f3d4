import { describe, expect, it } from 'vitest';
import { MASK, maskSensitive, maskSensitiveText, maskedPreview, redactText } from './mask';

describe('masking', () => {
  it('previews a secret by shape only', () => {
    expect(maskedPreview('abcdefghijkl')).toBe('ab••••••kl (12 chars)');
    expect(maskedPreview('short')).toBe('••••• (5 chars)');
  });

  it('redacts a secret and its encoded forms', () => {
    const secret = 'p+/= q';
    const text = `raw ${secret} uri ${encodeURIComponent(secret)} form p%2B%2F%3D+q`;
    expect(redactText(text, [secret])).toBe(`raw ${MASK} uri ${MASK} form ${MASK}`);
  });

  it('keeps four characters of a token or client ID on screen, none of a secret', () => {
    expect(maskSensitive('token', 'eyJhbGciOi')).toBe(`eyJh${MASK}`);
    expect(maskSensitive('client-id', 'sandbox-basic')).toBe(`sand${MASK}`);
    expect(maskSensitive('secret', 'x')).toBe(MASK);
  });

  it('masks tokens, credentials and known values inside whole texts', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
    const text = [
      `Authorization: Bearer ${jwt}`,
      'Authorization: Basic c2FuZGJveDpzZWNyZXQ=',
      '{"access_token": "opaque-123", "scope": "studio"}',
      'grant_type=refresh_token&refresh_token=r-456&client_id=my-client',
      'note: my-known-client appears here',
    ].join('\n');
    const out = maskSensitiveText(text, ['my-known-client']);
    for (const leaked of [
      jwt,
      'c2FuZGJveDpzZWNyZXQ=',
      'opaque-123',
      'r-456',
      'my-client',
      'my-known-client',
    ]) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('"scope": "studio"');
    expect(out).toContain('grant_type=refresh_token');
  });
});

describe('presentation masking of a copied curl command', () => {
  it('a known client ID is masked also where the command spells it form-encoded', () => {
    const command = `-H "Authorization: Basic $(printf '%s:%s' '1PpG%2FQ+1' "$CLIENT_SECRET")"`;
    const masked = maskSensitiveText(command, ['1PpG/Q 1']);
    expect(masked).not.toContain('1PpG');
    expect(masked).toContain('$CLIENT_SECRET');
  });
});
