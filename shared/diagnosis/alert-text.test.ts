import { describe, expect, it } from 'vitest';
import { readTokenResponse } from '../token-response';
import type { Failure } from '../wire';
import { alertText, findingsBesideAlert, sentences } from './alert-text';
import { networkFindings } from './network-rules';
import { oauthFailure, response } from './recorded';
import { diagnoseToken } from './token-rules';

const profile = {
  authMethod: 'client_secret_basic' as const,
  basicEncoding: 'rfc6749' as const,
  grantType: 'client_credentials',
  origin: null,
  credentialsChangeWhenEncoded: false,
};

/** A refused connection, as the HTTP layer names it. */
function refusedConnection(step: Failure['step'], message: string, hint: string): Failure {
  return { step, kind: 'connection-refused', title: 'Connection refused', message, hint };
}

/** Every sentence the alert and the diagnosis panel put on screen together. */
function onScreen(failure: Failure, findings: ReturnType<typeof diagnoseToken>): string[] {
  const a = alertText(failure, findings);
  const panel = findingsBesideAlert(findings, failure);
  return [
    a.title,
    ...sentences(a.message ?? ''),
    ...(a.errorDescription ? sentences(a.errorDescription) : []),
    ...sentences(a.hint ?? ''),
    ...panel.flatMap((f) => [f.title, ...sentences(f.fix)]),
    ...panel.flatMap((f) => f.evidence.map((e) => `${e.label}: ${e.value}`)),
  ];
}

describe('the failure alert and "Why did this fail?" never say the same sentence twice', () => {
  it.each([
    ['invalid_client', 'Client authentication failed.'],
    ['invalid_grant', 'The refresh token is expired. Sign in again.'],
    ['invalid_scope', undefined],
    ['unsupported_grant_type', undefined],
  ])('%s, as the token endpoint answers it', (error, description) => {
    const body = JSON.stringify({ error, error_description: description });
    const res = response(400, 'Bad Request', body);
    const { failure } = readTokenResponse(res);
    if (!failure) throw new Error('expected a failure');
    const findings = diagnoseToken({
      request: null,
      response: res,
      failure,
      token: null,
      profile,
      requestedScopes: ['studio'],
    });
    expect(findings.length).toBeGreaterThan(0);
    const all = onScreen(failure, findings).map((s) => s.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it('the message that only repeats error_description is dropped; error and description stay', () => {
    const failure = oauthFailure('invalid_client', 'Client authentication failed.');
    const a = alertText({ ...failure, message: 'Client authentication failed.', hint: 'h.' }, []);
    expect(a.message).toBeNull();
    expect(a.errorDescription).toBe('Client authentication failed.');
    expect(a.hint).toBe('h.');
  });

  it('a network failure: the hint the finding already carries is not shown again', () => {
    const failure = refusedConnection(
      'connect',
      'Nothing listens on 127.0.0.1:9.',
      'Check the Base URL and that the server runs.',
    );
    const findings = networkFindings(failure, null);
    const a = alertText(failure, findings);
    expect(a.hint).toBeNull();
    expect(a.message).toBe('Nothing listens on 127.0.0.1:9.');
    expect(findings[0]?.fix).toContain('Check the Base URL');
  });

  it('a network failure: the message the alert shows is not listed again as evidence', () => {
    const failure = refusedConnection(
      'api-call',
      '127.0.0.1:9 refused the connection: nothing is listening on that port.',
      'Check the host and port in Base URL / Token URL.',
    );
    const findings = networkFindings(failure, null);
    expect(findings[0]?.evidence.map((e) => e.value)).toContain(failure.message);
    const a = alertText(failure, findings);
    const panel = findingsBesideAlert(findings, failure);
    const shown = [
      ...sentences(a.message ?? ''),
      ...panel.flatMap((f) => [
        ...sentences(f.fix),
        ...f.evidence.flatMap((e) => sentences(e.value)),
      ]),
    ];
    expect(shown.filter((s) => s === failure.message)).toHaveLength(1);
  });

  it('evidence the alert left out (a finding says it) stays listed', () => {
    const failure = refusedConnection('api-call', 'Nothing listens on 127.0.0.1:9.', 'h.');
    const [finding] = networkFindings(failure, null);
    if (!finding) throw new Error('expected a finding');
    const said = { ...finding, title: 'Nothing listens on 127.0.0.1:9.' };
    expect(alertText(failure, [said]).message).toBeNull();
    expect(findingsBesideAlert([said], failure)[0]?.evidence).toHaveLength(1);
  });

  it('without findings the alert keeps its hint', () => {
    const failure = oauthFailure('access_denied');
    expect(alertText({ ...failure, hint: 'Try again.' }).hint).toBe('Try again.');
  });

  it('evidence already in the alert is not listed again', () => {
    const failure = oauthFailure('invalid_scope', 'scope studio is not allowed');
    const [finding] = findingsBesideAlert(
      diagnoseToken({
        request: null,
        response: null,
        failure,
        token: null,
        profile,
        requestedScopes: ['studio'],
      }),
      failure,
    );
    expect(finding?.evidence.map((e) => e.label)).toEqual(['requested']);
  });
});
