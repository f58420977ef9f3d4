import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagnosisProfile, RequestShape, SinceLastToken } from './inputs';
import { oauthFailure, response } from './recorded';
import { agoWords, changesSince, sinceLastTokenFinding } from './since-last-token';
import { diagnoseToken, type TokenDiagnosisInput } from './token-rules';

const profile: DiagnosisProfile = {
  authMethod: 'client_secret_post',
  basicEncoding: 'rfc6749',
  grantType: 'client_credentials',
  origin: 'https://acme.eu-1.celonis.cloud',
  credentialsChangeWhenEncoded: false,
};

const worked: RequestShape = {
  tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
  clientId: 'client-a',
  authMethod: 'client_secret_basic',
  basicEncoding: 'rfc6749',
  paramsAs: 'form',
  scopes: ['team.user-group-info:read'],
  secretTag: 'tag-1',
};

const at = Date.parse('2026-12-01T10:00:00Z');

function since(now: Partial<RequestShape>, ms = 4 * 60_000): SinceLastToken {
  return { then: worked, thenAt: at, now: { ...worked, ...now }, nowAt: at + ms };
}

const refused = (error: string, status = 401) => ({
  request: {
    method: 'POST',
    url: worked.tokenUrl,
    headers: [['Accept', 'application/json']] as [string, string][],
    body: {
      contentType: 'application/x-www-form-urlencoded',
      text: 'grant_type=client_credentials&client_id=client-a&client_secret=••••••',
    },
  },
  response: response(
    status,
    status === 401 ? 'Unauthorized' : 'Bad Request',
    `{"error":"${error}"}`,
  ),
  failure: oauthFailure(error, ''),
});

function diagnose(patch: Partial<TokenDiagnosisInput>) {
  return diagnoseToken({
    ...refused('invalid_client'),
    token: null,
    profile,
    requestedScopes: ['team.user-group-info:read'],
    ...patch,
  });
}

describe('what changed since the last token', () => {
  it('invalid_client after the method changed: the first finding says to set it back', () => {
    const findings = diagnose({ sinceLastToken: since({ authMethod: 'client_secret_post' }) });
    const first = findings[0];
    expect(first?.id).toBe('token.changed-since-token');
    expect(first?.severity).toBe('error');
    expect(first?.title).toBe(
      'This profile got a token 4 min before this call; since then Authentication method changed',
    );
    expect(first?.evidence).toContainEqual({
      source: 'profile',
      label: 'Authentication method',
      value: 'client_secret_basic → client_secret_post',
    });
    expect(first?.evidence).toContainEqual({
      source: 'request',
      label: 'last token for this profile',
      value: '2026-12-01T10:00:00.000Z',
    });
    expect(first?.fix).toContain('Set Authentication method back to client_secret_basic.');
    // The generic finding stays, after it.
    expect(findings.map((f) => f.id)).toContain('token.invalid-client');
  });

  it('invalid_client after the secret was replaced: says so, with no value of either secret', () => {
    const findings = diagnose({ sinceLastToken: since({ secretTag: 'tag-2' }) });
    expect(findings[0]?.title).toMatch(/since then Client secret changed$/);
    expect(findings[0]?.evidence).toContainEqual({
      source: 'profile',
      label: 'Client secret',
      value: 'replaced since then',
    });
    expect(JSON.stringify(findings)).not.toMatch(/tag-[12]/);
  });

  it('invalid_client with nothing changed: the client changed on the server', () => {
    const findings = diagnose({ sinceLastToken: since({}, 3 * 3600_000) });
    expect(findings[0]?.id).toBe('token.unchanged-since-token');
    expect(findings[0]?.title).toBe(
      'Nothing in this request changed since this profile got a token 3 h before this call',
    );
    expect(findings[0]?.fix).toMatch(/regenerated, or it was deleted or edited under Admin/);
  });

  it('a change that cannot explain this refusal is left out, and nothing is called unchanged', () => {
    // Multipart instead of form does not make a server refuse the client's credentials.
    const findings = diagnose({ sinceLastToken: since({ paramsAs: 'multipart' }) });
    expect(findings.map((f) => f.id)).not.toContain('token.changed-since-token');
    expect(findings.map((f) => f.id)).not.toContain('token.unchanged-since-token');
    expect(findings[0]?.id).toBe('token.invalid-client');
  });

  it('a scope removed is a change on the wire: invalid_client is then not called unchanged', () => {
    const findings = diagnose({ sinceLastToken: since({ scopes: [] }) });
    expect(findings.map((f) => f.id)).not.toContain('token.unchanged-since-token');
  });

  it('a token read back from history (secret unknown): no secret change, nothing called unchanged', () => {
    const fromHistory: SinceLastToken = {
      then: { ...worked, secretTag: undefined },
      thenAt: at,
      now: { ...worked },
      nowAt: at + 20 * 3600_000,
      fromHistory: true,
    };
    expect(diagnose({ sinceLastToken: fromHistory }).map((f) => f.id)).toEqual([
      'token.invalid-client',
    ]);
    const switched = diagnose({
      sinceLastToken: { ...fromHistory, now: { ...worked, authMethod: 'client_secret_post' } },
    });
    expect(switched[0]?.title).toBe(
      'This profile got a token 20 h before this call; since then Authentication method changed',
    );
    expect(switched[0]?.evidence[0]?.label).toBe('last token for this profile (history)');
  });

  it('invalid_scope after a scope was added: names the scope', () => {
    const findings = diagnose({
      ...refused('invalid_scope', 400),
      sinceLastToken: since({ scopes: ['team.user-group-info:read', 'studio'] }),
    });
    expect(findings[0]?.title).toMatch(/since then Scopes changed$/);
    expect(findings[0]?.evidence).toContainEqual({
      source: 'profile',
      label: 'Scopes added',
      value: 'studio',
    });
    expect(findings[0]?.fix).toContain('Untick studio, or define it on the client');
  });

  it('invalid_request after parameters moved to the query string: set them back', () => {
    const findings = diagnose({
      ...refused('invalid_request', 400),
      sinceLastToken: since({ paramsAs: 'query' }),
    });
    expect(findings[0]?.fix).toContain('Set Send parameters as back to Form body.');
  });

  it('no finding without an answer, for a token, or without an earlier token', () => {
    const noAnswer = diagnose({
      response: null,
      failure: { step: 'connect', kind: 'connection-refused', title: 'x', message: 'x', hint: '' },
      sinceLastToken: since({ authMethod: 'client_secret_post' }),
    });
    expect(noAnswer.map((f) => f.id).filter((id) => id.includes('since-token'))).toEqual([]);
    const issued = diagnose({
      response: response(200, 'OK', '{"access_token":"x"}'),
      failure: null,
      sinceLastToken: since({ authMethod: 'client_secret_post' }),
    });
    expect(issued.map((f) => f.id).filter((id) => id.includes('since-token'))).toEqual([]);
    expect(diagnose({})[0]?.id).toBe('token.invalid-client');
  });

  it('lists Basic encoding only while both calls used Basic, and every other field', () => {
    expect(changesSince(worked, { ...worked, basicEncoding: 'raw' }).map((c) => c.value)).toEqual([
      'RFC 6749 → Raw',
    ]);
    const all = changesSince(worked, {
      tokenUrl: 'https://other.eu-1.celonis.cloud/oauth2/token',
      clientId: 'client-b',
      authMethod: 'client_secret_post',
      basicEncoding: 'raw',
      paramsAs: 'multipart',
      scopes: [],
      secretTag: 'tag-2',
    });
    expect(all.map((c) => c.field)).toEqual([
      'secret',
      'authMethod',
      'clientId',
      'paramsAs',
      'tokenUrl',
    ]);
  });

  it('says how long ago in words a user reads at a glance', () => {
    expect([0, 45_000, 90_000, 12 * 60_000, 3 * 3600_000, 50 * 3600_000].map(agoWords)).toEqual([
      '0 s',
      '45 s',
      '2 min',
      '12 min',
      '3 h',
      '2 days',
    ]);
  });
});

const shapes = fc.record({
  tokenUrl: fc.constantFrom(
    'https://a.eu-1.celonis.cloud/oauth2/token',
    'https://b.us-2.celonis.cloud/oauth2/token',
  ),
  clientId: fc.constantFrom('client-a', 'client-b'),
  authMethod: fc.constantFrom('client_secret_basic', 'client_secret_post', 'none') as fc.Arbitrary<
    RequestShape['authMethod']
  >,
  basicEncoding: fc.constantFrom('rfc6749', 'raw') as fc.Arbitrary<RequestShape['basicEncoding']>,
  paramsAs: fc.constantFrom('form', 'multipart', 'query') as fc.Arbitrary<RequestShape['paramsAs']>,
  scopes: fc.subarray(['a:read', 'b:read', 'c:write']),
  secretTag: fc.constantFrom('tag-secret-one', 'tag-secret-two', null),
});

/** What of a shape reaches the wire: Basic encoding only under Basic, scopes as a set. */
const onTheWire = (s: RequestShape) => ({
  ...s,
  basicEncoding: s.authMethod === 'client_secret_basic' ? s.basicEncoding : null,
  scopes: [...s.scopes].sort(),
});

describe('what changed since the last token, for any two calls', () => {
  it('a call beside itself has no change; every change names a field that differs', () => {
    fc.assert(
      fc.property(shapes, shapes, (then, now) => {
        expect(changesSince(then, then)).toEqual([]);
        for (const c of changesSince(then, now)) {
          if (c.field === 'scopes')
            expect(now.scopes.some((s) => !then.scopes.includes(s))).toBe(true);
          else if (c.field === 'secret') expect(then.secretTag).not.toBe(now.secretTag);
          else expect(then[c.field]).not.toBe(now[c.field]);
        }
      }),
    );
  });

  it('no finding says "nothing changed" about two calls that differ, or shows a secret tag', () => {
    const errors = ['invalid_client', 'invalid_scope', 'invalid_request', 'server_error'];
    fc.assert(
      fc.property(shapes, shapes, fc.constantFrom(...errors), (then, now, error) => {
        const f = sinceLastTokenFinding(
          { then, thenAt: at, now, nowAt: at + 1000 },
          oauthFailure(error, ''),
          400,
        );
        if (f?.id === 'token.unchanged-since-token')
          expect(onTheWire(now)).toEqual(onTheWire(then));
        expect(JSON.stringify(f)).not.toMatch(/tag-secret/);
      }),
    );
  });
});
