import { describe, expect, it } from 'vitest';
import { buildTokenRequest, type TokenRequestInput } from './token-request';
import { MASK } from './mask';
import { secretLocations } from './structured-wire';
import { headerValue } from './wire';

const base: TokenRequestInput = {
  tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
  clientId: '1PpG/Q 1',
  clientSecret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=',
  authMethod: 'client_secret_basic',
  paramsAs: 'form',
  basicEncoding: 'rfc6749',
  params: [
    ['grant_type', 'client_credentials'],
    ['scope', 'audit.log:read studio'],
  ],
  multipartBoundary: 'B0UNDARY',
};

describe('token request wire form', () => {
  it('client_secret_basic, form body: credentials only in the header', () => {
    const { wire, shown, basicDecodedShown } = buildTokenRequest(base);
    expect(wire.method).toBe('POST');
    expect(wire.body?.text).toBe('grant_type=client_credentials&scope=audit.log%3Aread+studio');
    expect(wire.body?.text).not.toMatch(/client_id|client_secret/);
    expect(headerValue(wire.headers, 'authorization')).toMatch(/^Basic [A-Za-z0-9+/=]+$/);
    expect(headerValue(shown.headers, 'authorization')).toBe(`Basic ${MASK}`);
    expect(basicDecodedShown).toBe(`1PpG%2FQ+1:${MASK}`);
    expect(JSON.stringify(shown)).not.toContain(base.clientSecret);
  });

  it('client_secret_post: id and secret in the body, no Authorization header', () => {
    const { wire, shown } = buildTokenRequest({ ...base, authMethod: 'client_secret_post' });
    expect(headerValue(wire.headers, 'authorization')).toBeNull();
    expect(wire.body?.text).toBe(
      'grant_type=client_credentials&scope=audit.log%3Aread+studio&client_id=1PpG%2FQ+1&client_secret=z%2FtZ9VwFZqApmIQ%2BZH1I5pLk%2FuB4ud%3AX2%2F8bL%2BwfFTt1rFw%3D',
    );
    expect(shown.body?.text).toContain(`client_secret=${MASK}`);
    expect(JSON.stringify(shown)).not.toContain('z%2FtZ9');
  });

  it('multipart body, as in the platform curl example', () => {
    const { wire } = buildTokenRequest({
      ...base,
      authMethod: 'client_secret_post',
      paramsAs: 'multipart',
    });
    expect(headerValue(wire.headers, 'content-type')).toBe(
      'multipart/form-data; boundary=B0UNDARY',
    );
    expect(wire.body?.text).toContain(
      'Content-Disposition: form-data; name="grant_type"\r\n\r\nclient_credentials\r\n',
    );
    expect(wire.body?.text).toContain(`name="client_secret"\r\n\r\n${base.clientSecret}\r\n`);
    expect(wire.body?.text.endsWith('--B0UNDARY--\r\n')).toBe(true);
  });

  it('query string variant: grant_type and scope in the URL, never the secret', () => {
    const basic = buildTokenRequest({ ...base, paramsAs: 'query' });
    expect(basic.wire.url).toBe(
      'https://acme.eu-1.celonis.cloud/oauth2/token?grant_type=client_credentials&scope=audit.log%3Aread+studio',
    );
    expect(basic.wire.body).toBeUndefined();
    const post = buildTokenRequest({
      ...base,
      paramsAs: 'query',
      authMethod: 'client_secret_post',
    });
    expect(post.wire.url).not.toContain('client_secret');
    expect(post.wire.body?.text).toContain('client_secret=');
  });

  it('sends no scope parameter when none is given', () => {
    const { wire } = buildTokenRequest({ ...base, params: [['grant_type', 'client_credentials']] });
    expect(wire.body?.text).toBe('grant_type=client_credentials');
  });
});

describe('every secret on the wire sits in a typed slot', () => {
  it('refresh token, code, code_verifier and device_code are masked and located by kind', () => {
    const built = buildTokenRequest({
      ...base,
      authMethod: 'client_secret_post',
      params: [
        ['grant_type', 'authorization_code'],
        ['code', 'the-code'],
        ['code_verifier', 'the-verifier'],
        ['refresh_token', 'the-refresh-token'],
        ['device_code', 'the-device-code'],
      ],
    });
    expect(built.shown.body?.text).toBe(
      `grant_type=authorization_code&code=${MASK}&code_verifier=${MASK}&refresh_token=${MASK}&device_code=${MASK}&client_id=1PpG%2FQ+1&client_secret=${MASK}`,
    );
    expect(secretLocations(built.layout)).toEqual([
      { kind: 'authorization_code', where: 'body code' },
      { kind: 'code_verifier', where: 'body code_verifier' },
      { kind: 'refresh_token', where: 'body refresh_token' },
      { kind: 'device_code', where: 'body device_code' },
      { kind: 'client_secret', where: 'body client_secret' },
    ]);
    expect(JSON.stringify(built.layout)).not.toMatch(/the-|z\/tZ9/);
  });

  it('Basic credentials: one slot in the Authorization header, with the client ID', () => {
    const { layout } = buildTokenRequest({ ...base, basicEncoding: 'raw' });
    expect(secretLocations(layout)).toEqual([
      { kind: 'basic_credentials', where: 'header Authorization' },
    ]);
    expect(layout.headers[1]).toEqual([
      'Authorization',
      ['Basic ', { kind: 'basic_credentials', clientId: '1PpG/Q 1', basicEncoding: 'raw' }],
    ]);
  });
});
