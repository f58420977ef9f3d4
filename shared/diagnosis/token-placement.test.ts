import { describe, expect, it } from 'vitest';
import { buildTokenRequest } from '../token-request';
import type { ParamsAs } from '../profile';
import type { DiagnosisProfile } from './inputs';
import { oauthFailure, response } from './recorded';
import { diagnoseToken, type TokenDiagnosisInput } from './token-rules';

const profile: DiagnosisProfile = {
  authMethod: 'client_secret_post',
  basicEncoding: 'rfc6749',
  grantType: 'client_credentials',
  origin: 'https://acme.eu-1.celonis.cloud',
  credentialsChangeWhenEncoded: false,
};

function shown(paramsAs: ParamsAs, params: [string, string][]) {
  return buildTokenRequest({
    tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
    clientId: 'c',
    clientSecret: 's',
    authMethod: 'client_secret_post',
    basicEncoding: 'rfc6749',
    paramsAs,
    params,
    multipartBoundary: 'B',
  }).shown;
}

const cc: [string, string][] = [
  ['grant_type', 'client_credentials'],
  ['scope', 'studio'],
];

function input(patch: Partial<TokenDiagnosisInput>): TokenDiagnosisInput {
  return {
    request: shown('form', cc),
    response: null,
    failure: null,
    token: null,
    profile,
    requestedScopes: ['studio'],
    ...patch,
  };
}

describe('diagnosis that takes parameter placement into account', () => {
  it.each<[ParamsAs, string, string]>([
    ['multipart', 'invalid_request', 'a multipart body'],
    ['multipart', 'unsupported_grant_type', 'a multipart body'],
    ['query', 'invalid_request', 'query parameters'],
    ['query', 'unsupported_grant_type', 'query parameters'],
  ])('sent as %s, answered %s: the first finding is the placement', (paramsAs, error, words) => {
    const findings = diagnoseToken(
      input({
        request: shown(paramsAs, cc),
        response: response(400, 'Bad Request', JSON.stringify({ error })),
        failure: oauthFailure(error),
      }),
    );
    expect(findings[0]?.id).toBe('token.parameter-placement');
    expect(findings[0]?.title).toBe(
      `The server may not accept parameters sent as ${words}; try Form body`,
    );
    expect(findings[0]?.fix).toContain('Set Send parameters as to Form body');
  });

  it('the profile setting wins over what is read from the request', () => {
    const findings = diagnoseToken(
      input({
        profile: { ...profile, paramsAs: 'query' },
        failure: oauthFailure('invalid_request'),
      }),
    );
    expect(findings[0]?.id).toBe('token.parameter-placement');
  });

  it('with a form body, unsupported_grant_type is about the grant type', () => {
    const findings = diagnoseToken(input({ failure: oauthFailure('unsupported_grant_type') }));
    expect(findings.map((f) => f.id)).toEqual(['token.grant-not-enabled']);
    expect(findings[0]?.severity).toBe('error');
  });

  it('placement first, the grant type second and only as a warning', () => {
    const findings = diagnoseToken(
      input({ request: shown('multipart', cc), failure: oauthFailure('unsupported_grant_type') }),
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['token.parameter-placement', 'error'],
      ['token.grant-not-enabled', 'warning'],
    ]);
  });

  it('invalid_client is never read as a placement problem', () => {
    const ids = diagnoseToken(
      input({ request: shown('query', cc), failure: oauthFailure('invalid_client') }),
    ).map((f) => f.id);
    expect(ids).toEqual(['token.invalid-client']);
  });
});

describe('findings seen from real servers', () => {
  const refresh: [string, string][] = [
    ['grant_type', 'refresh_token'],
    ['refresh_token', 'r'],
  ];

  it('invalid_request on a refresh (form body): the refresh token and the client authentication', () => {
    const findings = diagnoseToken(
      input({
        request: shown('form', refresh),
        profile: { ...profile, grantType: 'authorization_code' },
        failure: oauthFailure('invalid_request', 'Invalid parameter: `refresh_token`'),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['token.refresh-invalid-request']);
    expect(findings[0]?.fix).toContain('Admin & Settings > Applications');
    expect(findings[0]?.fix).toContain('Get token');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'body',
      label: 'error_description',
      value: 'Invalid parameter: `refresh_token`',
    });
  });

  it('invalid_request on a refresh sent as multipart: placement first, then the refresh', () => {
    const ids = diagnoseToken(
      input({ request: shown('multipart', refresh), failure: oauthFailure('invalid_request') }),
    ).map((f) => f.id);
    expect(ids).toEqual(['token.parameter-placement', 'token.refresh-invalid-request']);
  });

  it('invalid_request elsewhere points at error_description', () => {
    const ids = diagnoseToken(input({ failure: oauthFailure('invalid_request') })).map((f) => f.id);
    expect(ids).toEqual(['token.invalid-request']);
  });

  it('unauthorized_scope: Define scopes under Applications, and Permissions', () => {
    const findings = diagnoseToken(
      input({
        failure: oauthFailure('unauthorized_scope', 'client may not request scope studio'),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['token.unauthorized-scope']);
    expect(findings[0]?.fix).toContain('Admin & Settings > Applications, Define scopes');
    expect(findings[0]?.fix).toContain('Admin & Settings > Permissions');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'scopes',
      label: 'requested',
      value: 'studio',
    });
  });

  it('a wrong secret with a probe that accepted this very method: no method finding', () => {
    const ids = diagnoseToken(
      input({
        failure: oauthFailure('invalid_client'),
        methodEvidence: {
          probe: [
            { variant: 'basic-rfc6749', verdict: 'rejected' },
            { variant: 'post', verdict: 'accepted' },
          ],
          discoveredAuthMethods: ['client_secret_basic'],
        },
      }),
    ).map((f) => f.id);
    expect(ids).toEqual(['token.invalid-client']);
  });

  it('discovery listing both methods is no evidence against this one', () => {
    const ids = diagnoseToken(
      input({
        failure: oauthFailure('invalid_client'),
        methodEvidence: { discoveredAuthMethods: ['client_secret_basic', 'client_secret_post'] },
      }),
    ).map((f) => f.id);
    expect(ids).toEqual(['token.invalid-client']);
  });

  it('a probe that accepted only the other Basic encoding: the encoding, not the method', () => {
    const findings = diagnoseToken(
      input({
        request: buildTokenRequest({
          tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
          clientId: 'c',
          clientSecret: 's',
          authMethod: 'client_secret_basic',
          basicEncoding: 'rfc6749',
          paramsAs: 'form',
          params: cc,
        }).shown,
        profile: {
          ...profile,
          authMethod: 'client_secret_basic',
          credentialsChangeWhenEncoded: true,
        },
        failure: oauthFailure('invalid_client'),
        methodEvidence: {
          probe: [
            { variant: 'basic-rfc6749', verdict: 'rejected' },
            { variant: 'basic-raw', verdict: 'accepted' },
            { variant: 'post', verdict: 'rejected' },
          ],
        },
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['token.invalid-client', 'token.basic-encoding']);
    expect(findings[1]?.title).toContain('Raw encoding');
  });
});

describe('a 400 without an OAuth error', () => {
  it('sent as multipart, answered with problem+json: the placement finding', () => {
    const res = response(
      400,
      'Bad Request',
      '{"title":"Bad Request","detail":"Invalid token request body"}',
      [],
      'application/problem+json',
    );
    const findings = diagnoseToken(
      input({
        request: shown('multipart', cc),
        response: res,
        failure: {
          step: 'token-endpoint',
          kind: 'http-error',
          title: 'HTTP 400',
          message: '',
          hint: '',
        },
      }),
    );
    expect(findings[0]?.id).toBe('token.parameter-placement');
  });

  it('sent as a form body: no placement finding', () => {
    const res = response(400, 'Bad Request', '{"detail":"x"}', [], 'application/problem+json');
    const failure = {
      step: 'token-endpoint' as const,
      kind: 'http-error' as const,
      title: '',
      message: '',
      hint: '',
    };
    expect(diagnoseToken(input({ response: res, failure })).map((f) => f.id)).toEqual([]);
  });
});
