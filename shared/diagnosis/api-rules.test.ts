import { describe, expect, it } from 'vitest';
import type { Failure } from '../wire';
import { diagnoseApi, type ApiDiagnosisInput } from './api-rules';
import type { DiagnosisToken } from './inputs';
import { apiRequest, PLATFORM, response } from './recorded';

const ORIGIN = 'https://acme.eu-1.celonis.cloud';
const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);

const token: DiagnosisToken = {
  receivedAt: NOW - 60_000,
  expiresIn: 899,
  grantedScopes: ['team.user-group-info:read', 'authorization.permissions:read'],
  requestedScopes: ['team.user-group-info:read', 'authorization.permissions:read'],
  notGranted: [],
  origin: ORIGIN,
};

function input(path: string, patch: Partial<ApiDiagnosisInput>): ApiDiagnosisInput {
  return {
    request: apiRequest(`${ORIGIN}${path}`),
    response: null,
    failure: null,
    token,
    authMode: 'token',
    sentAt: NOW,
    ...patch,
  };
}

const ids = (i: ApiDiagnosisInput) => diagnoseApi(i).map((f) => f.id);

describe('API call diagnosis', () => {
  it('no token: the request was not sent', () => {
    const failure: Failure = {
      step: 'prepare',
      kind: 'no-token',
      title: 'No token yet',
      message: '',
      hint: '',
    };
    expect(ids(input('/api/external/members', { failure, token: null }))).toEqual(['api.no-token']);
  });

  it('no Authorization header: 401 {"error":"Unauthorized"}', () => {
    const findings = diagnoseApi(
      input('/api/external/members', {
        request: apiRequest(`${ORIGIN}/api/external/members`, null),
        response: response(401, 'Unauthorized', PLATFORM.unauthorized),
        authMode: 'none',
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.no-bearer']);
    expect(findings[0]?.evidence).toContainEqual({
      source: 'body',
      label: 'error',
      value: 'Unauthorized',
    });
  });

  it('token expired, read from the countdown', () => {
    const expired = { ...token, receivedAt: NOW - 20_000, expiresIn: 15 };
    const res = response(401, 'Unauthorized', PLATFORM.unauthorized, [
      [
        'www-authenticate',
        'Bearer error="invalid_token", error_description="The access token expired"',
      ],
    ]);
    const findings = diagnoseApi(input('/api/external/members', { token: expired, response: res }));
    expect(findings.map((f) => f.id)).toEqual(['api.token-expired']);
    expect(findings[0]?.evidence[0]).toEqual({
      source: 'countdown',
      label: 'expired',
      value: '0:05 before the request (expires_in 15 s)',
    });
  });

  it('malformed Authorization header: the platform text body', () => {
    const res = response(401, 'Unauthorized', PLATFORM.malformed, [], 'text/plain; charset=utf-8');
    const findings = diagnoseApi(
      input('/api/external/members', {
        request: apiRequest(`${ORIGIN}/api/external/members`, 'Token abc'),
        response: res,
        authMode: 'custom',
      }),
    );
    expect(findings[0]?.id).toBe('api.malformed-authorization');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'request',
      label: 'Authorization scheme',
      value: 'Token',
    });
  });

  it("a token sent to another team's origin", () => {
    const res = response(401, 'Unauthorized', PLATFORM.unauthorized, [
      [
        'www-authenticate',
        'Bearer error="invalid_token", error_description="The access token is not valid"',
      ],
    ]);
    const findings = diagnoseApi(
      input('', {
        request: apiRequest('https://other.us-1.celonis.cloud/api/external/members'),
        response: res,
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.other-origin', 'api.invalid-token']);
    expect(findings[0]?.evidence).toContainEqual({
      source: 'profile',
      label: 'token issued for',
      value: ORIGIN,
    });
  });

  it('401 with WWW-Authenticate invalid_token', () => {
    const challenge =
      'Bearer realm="celonis", error="invalid_token", error_description="The access token is not valid"';
    const findings = diagnoseApi(
      input('/api/external/members', {
        response: response(401, 'Unauthorized', PLATFORM.unauthorized, [
          ['www-authenticate', challenge],
        ]),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.invalid-token']);
    expect(findings[0]?.evidence).toContainEqual({
      source: 'header',
      label: 'WWW-Authenticate',
      value: challenge,
    });
  });

  it('403 insufficient_scope carries the server scope hint and the token scopes', () => {
    const res = response(403, 'Forbidden', PLATFORM.accessDenied, [
      ['www-authenticate', 'Bearer error="insufficient_scope", scope="audit.log:read"'],
    ]);
    const findings = diagnoseApi(input('/log/api/external/audit', { response: res }));
    expect(findings.map((f) => f.id)).toEqual(['api.insufficient-scope']);
    expect(findings[0]?.title).toBe('The token lacks the scope audit.log:read');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'scopes',
      label: 'token scopes',
      value: 'team.user-group-info:read authorization.permissions:read',
    });
  });

  it('403 without a challenge on a catalog path whose scope is missing: scope from the catalog', () => {
    const findings = diagnoseApi(
      input('/log/api/external/audit', {
        response: response(403, 'Forbidden', PLATFORM.accessDenied),
      }),
    );
    expect(findings[0]?.id).toBe('api.insufficient-scope');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'scopes',
      label: 'needed (API catalog)',
      value: 'audit.log:read (high confidence)',
    });
  });

  it('403 where the needed scope is in the token: permissions', () => {
    const findings = diagnoseApi(
      input('/api/authorization/external/permissions', {
        response: response(403, 'Forbidden', PLATFORM.accessDenied),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.missing-permission']);
    expect(findings[0]?.fix).toContain('Admin & Settings > Permissions');
    expect(findings[0]?.fix).toContain('service for Authorization');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'body',
      label: 'errorCode',
      value: 'ADMIN_ACCESS_ERROR',
    });
  });

  it('403 with an empty body: the API is not enabled', () => {
    const findings = diagnoseApi(
      input('/platform-adoption/api/external/v2/adoption-tracking-events/VIEW', {
        response: response(403, 'Forbidden', ''),
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.not-enabled']);
  });

  it('429: wait until the reset (seconds)', () => {
    const res = response(429, 'Too Many Requests', PLATFORM.rateLimited, [
      ['x-ratelimit-limit', '3'],
      ['x-ratelimit-remaining', '0'],
      ['x-ratelimit-reset', '42'],
    ]);
    const findings = diagnoseApi(input('/storage-manager/api/buckets', { response: res }));
    expect(findings[0]?.id).toBe('api.rate-limited');
    expect(findings[0]?.fix).toContain('Wait 42 s (until 10:00:42 UTC)');
    expect(findings[0]?.evidence).toContainEqual({
      source: 'header',
      label: 'x-ratelimit-reset',
      value: '42',
    });
  });

  it('429: the reset as a date', () => {
    const res = response(429, 'Too Many Requests', PLATFORM.rateLimited, [
      ['x-ratelimit-reset', new Date(NOW + 90_000).toUTCString()],
    ]);
    expect(diagnoseApi(input('/storage-manager/api/buckets', { response: res }))[0]?.fix).toContain(
      'Wait 90 s',
    );
  });

  it('404 on a catalog path: check team and cluster', () => {
    const findings = diagnoseApi(
      input('/intelligence/api/knowledge-models/km-1', {
        response: response(404, 'Not Found', ''),
      }),
    );
    expect(findings[0]?.id).toBe('api.not-found');
    expect(findings[0]?.fix).toContain('Team and Cluster');
    expect(findings[0]?.fix).toContain('km');
    expect(ids(input('/no/such/thing', { response: response(404, 'Not Found', '') }))).toEqual([]);
  });

  it('an API key that is refused', () => {
    const res = response(401, 'Unauthorized', PLATFORM.unauthorized);
    const findings = diagnoseApi(
      input('/api/cloud/team', {
        request: apiRequest(`${ORIGIN}/api/cloud/team`, 'AppKey ••••••'),
        response: res,
        authMode: 'apiKey',
        token: null,
      }),
    );
    expect(findings.map((f) => f.id)).toEqual(['api.key-rejected']);
  });

  it('a 200 has no findings', () => {
    expect(
      diagnoseApi(
        input('/api/external/members', { response: response(200, 'OK', '{"content":[]}') }),
      ),
    ).toEqual([]);
  });
});
