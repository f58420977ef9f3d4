import { describe, expect, it } from 'vitest';
import { maskClientId, checkStepIds, pendingStep, type ClientCheckResult } from './check-types';
import { renderHtmlReport } from './report-html';
import { renderMarkdownReport } from './report-markdown';
import { reportFileName } from './report-model';

// Values a step might let through by mistake: the report must mask each by its shape.
const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2lnbmF0dXJlc2lnbmF0dXJl';
const basic = 'c2FuZGJveC1iYXNpYzpzM2NyZXQ=';

function result(): ClientCheckResult {
  const steps = checkStepIds.map(pendingStep);
  steps[4] = {
    ...steps[4]!,
    status: 'failed',
    reason: 'Refused <script>alert(1)</script>',
    finding: 'Check the client under Admin & Settings > Applications.',
    durationMs: 12,
    exchanges: [
      {
        label: 'Token request',
        request: {
          method: 'POST',
          url: 'https://t.c.celonis.cloud/oauth2/token?client_secret=leaked',
          headers: [['Authorization', `Basic ${basic}`]],
          body: {
            contentType: 'application/x-www-form-urlencoded',
            text: 'grant_type=client_credentials&client_secret=leaked',
          },
        },
        response: {
          status: 200,
          statusText: 'OK',
          headers: [['content-type', 'application/json']],
          body: `{"access_token":"${jwt}","refresh_token":"rt-value-1234"}`,
          durationMs: 12,
        },
        failure: null,
      },
    ],
  };
  return {
    runId: 'run-1',
    profileId: 'p1',
    profileName: 'Prod | reporting',
    appVersion: '0.1.0',
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    finishedAt: Date.UTC(2026, 0, 2, 3, 4, 6),
    team: 'acme',
    cluster: 'eu-1',
    baseUrl: 'https://acme.eu-1.celonis.cloud',
    sandbox: false,
    clientIdMasked: maskClientId('sandbox-basic'),
    authMethod: 'client_secret_basic',
    requestedScopes: ['audit.log:read'],
    scopeProbe: false,
    steps,
    summary: {
      outcome: 'failed',
      sentence: 'Does not work: Token failed.',
      changes: ['Fix the secret'],
    },
  };
}

describe('client-check reports', () => {
  it('masks the client ID to its first and last two characters', () => {
    expect(maskClientId('sandbox-basic')).toBe('sa…ic');
    expect(maskClientId('abcd')).toBe('…');
  });

  for (const [name, render] of [
    ['Markdown', renderMarkdownReport],
    ['HTML', renderHtmlReport],
  ] as const) {
    it(`${name}: version, time, team, cluster, masked client ID, every step, and no secret`, () => {
      const text = render(result());
      for (const expected of [
        '0.1.0',
        '2026-01-02T03:04:05',
        'acme',
        'eu-1',
        'sa…ic',
        'Token request',
      ]) {
        expect(text).toContain(expected);
      }
      for (const id of [
        'Team address',
        'Discovery',
        'Token endpoint',
        'Authentication method',
        'Token signature',
        'Scopes',
        'APIs',
      ]) {
        expect(text).toContain(id);
      }
      for (const secret of [jwt, basic, 'rt-value-1234', 'leaked', 'sandbox-basic']) {
        expect(text).not.toContain(secret);
      }
    });
  }

  it('HTML is self-contained: no script, no external resource, text escaped', () => {
    const html = renderHtmlReport(result());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('names the file after the profile and the time', () => {
    expect(reportFileName(result(), 'md')).toBe(
      'client-check-prod-reporting-2026-01-02-03-04-05.md',
    );
  });
});
