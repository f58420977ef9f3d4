import { describe, expect, it } from 'vitest';
import type { Failure } from '../wire';
import type { DiagnosisProfile } from './inputs';
import { oauthFailure, response } from './recorded';
import { diagnoseToken, type TokenDiagnosisInput } from './token-rules';

const profile: DiagnosisProfile = {
  authMethod: 'client_secret_basic',
  basicEncoding: 'rfc6749',
  grantType: 'client_credentials',
  origin: 'https://acme.eu-1.celonis.cloud',
  credentialsChangeWhenEncoded: false,
};

const basicRequest = {
  method: 'POST',
  url: 'https://acme.eu-1.celonis.cloud/oauth2/token',
  headers: [
    ['Accept', 'application/json'],
    ['Authorization', 'Basic ••••••'],
  ] as [string, string][],
  body: { contentType: 'application/x-www-form-urlencoded', text: 'grant_type=client_credentials' },
};

function input(patch: Partial<TokenDiagnosisInput>): TokenDiagnosisInput {
  return {
    request: basicRequest,
    response: null,
    failure: null,
    token: null,
    profile,
    requestedScopes: ['team.user-group-info:read'],
    ...patch,
  };
}

const ids = (i: TokenDiagnosisInput) => diagnoseToken(i).map((f) => f.id);

describe('token endpoint diagnosis', () => {
  it('invalid_client without other evidence: credentials and the probe, no method warning', () => {
    const res = response(
      401,
      'Unauthorized',
      '{"error":"invalid_client","error_description":"client authentication failed"}',
      [['www-authenticate', 'Basic realm="x", error="invalid_client"']],
    );
    const findings = diagnoseToken(
      input({
        response: res,
        failure: oauthFailure('invalid_client', 'client authentication failed'),
      }),
    );
    // A wrong secret is the likely cause; nothing shows that the method is wrong.
    expect(findings.map((f) => f.id)).toEqual(['token.invalid-client']);
    expect(findings[0]?.fix).toContain('method probe');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'header',
      label: 'WWW-Authenticate',
      value: 'Basic realm="x", error="invalid_client"',
    });
  });

  it('invalid_client after a method probe that accepted client_secret_post', () => {
    const findings = diagnoseToken(
      input({
        failure: oauthFailure('invalid_client'),
        methodEvidence: {
          probe: [
            { variant: 'basic-rfc6749', verdict: 'rejected' },
            { variant: 'basic-raw', verdict: 'rejected' },
            { variant: 'post', verdict: 'accepted' },
          ],
        },
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['token.invalid-client', 'token.auth-method']);
    expect(findings[1]?.title).toBe(
      'The method probe found that the server accepts client_secret_post, not client_secret_basic (RFC 6749 encoding)',
    );
  });

  it('invalid_client with client_secret_post, discovery lists only client_secret_basic', () => {
    const postRequest = {
      ...basicRequest,
      headers: [['Accept', 'application/json']] as [string, string][],
      body: {
        contentType: 'application/x-www-form-urlencoded',
        text: 'grant_type=client_credentials&client_id=a&client_secret=••••••',
      },
    };
    const findings = diagnoseToken(
      input({
        request: postRequest,
        profile: { ...profile, authMethod: 'client_secret_post' },
        failure: oauthFailure('invalid_client'),
        methodEvidence: { discoveredAuthMethods: ['client_secret_basic'] },
      }),
    );
    expect(findings[1]?.title).toBe(
      'The server announces client_secret_basic, not client_secret_post',
    );
  });

  it('invalid_client with special characters in the credentials adds Basic encoding', () => {
    const i = input({
      failure: oauthFailure('invalid_client'),
      profile: { ...profile, credentialsChangeWhenEncoded: true },
    });
    expect(ids(i)).toContain('token.basic-encoding');
    expect(diagnoseToken(i).find((f) => f.id === 'token.basic-encoding')?.fix).toContain('Raw');
  });

  it('the sandbox answer to a raw Basic with a % secret reads as a Basic encoding problem', () => {
    const description =
      'client_id and client_secret in the authorization header are not properly encoded';
    const findings = diagnoseToken(
      input({
        profile: { ...profile, basicEncoding: 'raw', credentialsChangeWhenEncoded: true },
        response: response(
          400,
          'Bad Request',
          JSON.stringify({ error: 'invalid_request', error_description: description }),
        ),
        failure: oauthFailure('invalid_request', description),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['token.basic-encoding']);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.fix).toContain('RFC 6749');
  });

  it('invalid_scope names the requested scopes and Admin & Settings > Applications', () => {
    const findings = diagnoseToken(
      input({
        failure: oauthFailure('invalid_scope', 'requested scope is not allowed'),
        requestedScopes: ['audit.log:read', 'studio'],
      }),
    );
    expect(findings[0]?.id).toBe('token.invalid-scope');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'scopes',
      label: 'requested',
      value: 'audit.log:read studio',
    });
    expect(findings[0]?.fix).toContain('Admin & Settings > Applications');
  });

  it.each(['unauthorized_client', 'unsupported_grant_type'])(
    '%s: grant type not enabled',
    (code) => {
      const findings = diagnoseToken(input({ failure: oauthFailure(code) }));
      expect(findings[0]?.id).toBe('token.grant-not-enabled');
      expect(findings[0]?.evidence).toContainEqual({
        source: 'profile',
        label: 'Grant type',
        value: 'client_credentials',
      });
    },
  );

  it('invalid_grant', () => {
    expect(ids(input({ failure: oauthFailure('invalid_grant') }))).toEqual(['token.invalid-grant']);
  });

  it('HTML instead of JSON', () => {
    const res = response(
      200,
      'OK',
      '<!doctype html><title>Sign in</title>',
      [],
      'text/html; charset=utf-8',
    );
    const failure: Failure = {
      step: 'token-endpoint',
      kind: 'not-json',
      title: 'HTML',
      message: '',
      hint: '',
    };
    const findings = diagnoseToken(input({ response: res, failure }));
    expect(findings[0]?.id).toBe('token.html');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'header',
      label: 'Content-Type',
      value: 'text/html; charset=utf-8',
    });
  });

  it('TLS failure, proxy failure and a 407', () => {
    const tls: Failure = {
      step: 'token-endpoint',
      kind: 'tls',
      title: 'TLS failure',
      message: 'The secure connection to x failed (SELF_SIGNED_CERT_IN_CHAIN).',
      hint: '',
    };
    expect(ids(input({ failure: tls }))).toEqual(['network.tls']);
    const reset: Failure = {
      step: 'token-endpoint',
      kind: 'connection-reset',
      title: 'Connection closed',
      message: 'm',
      hint: 'h',
    };
    expect(diagnoseToken(input({ failure: reset }))[0]?.fix).toContain('proxy');
    const res = response(407, 'Proxy Authentication Required', '', [
      ['proxy-authenticate', 'Basic realm="corp"'],
    ]);
    expect(
      ids(
        input({
          response: res,
          failure: { step: 'token-endpoint', kind: 'not-json', title: '', message: '', hint: '' },
        }),
      ),
    ).toEqual(['network.proxy-auth']);
  });

  it('a token without some requested scopes', () => {
    const token = {
      receivedAt: 0,
      expiresIn: 899,
      grantedScopes: ['audit.log:read'],
      requestedScopes: ['audit.log:read', 'studio'],
      notGranted: ['studio'],
      origin: 'https://acme.eu-1.celonis.cloud',
    };
    expect(ids(input({ token }))).toEqual(['token.scopes-not-granted']);
  });

  it('a clean token has no findings', () => {
    const token = {
      receivedAt: 0,
      expiresIn: 899,
      grantedScopes: ['a'],
      requestedScopes: ['a'],
      notGranted: [],
      origin: 'o',
    };
    expect(diagnoseToken(input({ token }))).toEqual([]);
  });
});
