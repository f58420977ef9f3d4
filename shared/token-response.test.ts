import { describe, expect, it } from 'vitest';
import { readTokenResponse } from './token-response';
import type { WireResponse } from './wire';

function res(status: number, body: string, contentType = 'application/json'): WireResponse {
  return {
    status,
    statusText: '',
    headers: [['content-type', contentType]],
    bodyText: body,
    size: body.length,
    truncated: false,
    contentType,
    timings: { totalMs: 1 },
  };
}

describe('token response', () => {
  it('reads the platform example', () => {
    const r = readTokenResponse(
      res(
        200,
        '{"access_token":"abc","scope":"scope1 scope2","token_type":"Bearer","expires_in":899}',
      ),
    );
    expect(r.token).toEqual({
      accessToken: 'abc',
      tokenType: 'Bearer',
      expiresIn: 899,
      scope: ['scope1', 'scope2'],
      refreshToken: null,
    });
  });

  it('names an RFC 6749 error with its description and a hint', () => {
    const r = readTokenResponse(
      res(401, '{"error":"invalid_client","error_description":"client authentication failed"}'),
    );
    expect(r.failure).toMatchObject({
      kind: 'oauth-error',
      error: 'invalid_client',
      errorDescription: 'client authentication failed',
    });
    expect(r.failure?.hint).toMatch(/Authentication method/);
  });

  it('says invalid_scope is defined under Admin & Settings > Applications', () => {
    const r = readTokenResponse(res(400, '{"error":"invalid_scope"}'));
    expect(r.failure?.hint).toMatch(/Admin & Settings > Applications/);
  });

  it('names an HTML page as such', () => {
    const r = readTokenResponse(
      res(200, '<!DOCTYPE html><html><body>Login</body></html>', 'text/html'),
    );
    expect(r.failure).toMatchObject({ kind: 'not-json' });
    expect(r.failure?.title).toMatch(/HTML instead of JSON/);
  });

  it('names an empty body and a JSON body without access_token', () => {
    expect(readTokenResponse(res(502, '', 'text/plain')).failure?.message).toMatch(/empty body/);
    expect(readTokenResponse(res(200, '{"foo":1}')).failure?.kind).toBe('bad-token-response');
  });

  it('keeps scope null when the server sent none, and reads string expires_in', () => {
    const r = readTokenResponse(res(200, '{"access_token":"a","expires_in":"60"}'));
    expect(r.token).toMatchObject({ scope: null, expiresIn: 60, tokenType: 'Bearer' });
  });

  it('names a redirect as one, with its Location, and says it was not followed', () => {
    const r = readTokenResponse({
      ...res(302, '', 'text/plain'),
      headers: [['location', 'https://login.example.com/oauth2/token']],
    });
    expect(r.failure).toMatchObject({
      kind: 'http-error',
      title: 'Token endpoint redirected (302)',
    });
    expect(r.failure?.message).toContain('https://login.example.com/oauth2/token');
    expect(r.failure?.message).toContain('not followed');
  });

  it('turns a 429 into a wait with the Retry-After of the server, unless it is an OAuth error', () => {
    const limited = { ...res(429, 'slow down', 'text/plain'), headers: [['retry-after', '30']] };
    expect(readTokenResponse(limited as WireResponse).failure?.hint).toBe(
      'Wait 30 s (Retry-After) before trying again.',
    );
    expect(readTokenResponse(res(429, '')).failure?.hint).toMatch(/Wait a little/);
    expect(
      readTokenResponse(res(429, '{"error":"slow_down","error_description":"x"}')).failure,
    ).toMatchObject({ kind: 'oauth-error', error: 'slow_down' });
  });
});
