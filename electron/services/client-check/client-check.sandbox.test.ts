import { describe, expect, it } from 'vitest';
import type { ClientCheckResult, CheckStepId } from '../../../shared/client-check/check-types';
import { renderMarkdownReport } from '../../../shared/client-check/report-markdown';
import { createHandlers, dispatch } from '../../handlers';
import {
  MEMBERS,
  pickProfileFields,
  runCheck,
  sandboxProfile,
  useCheckRig,
} from './check-test-helpers';

const rig = useCheckRig();
const step = (r: ClientCheckResult, id: CheckStepId) => r.steps.find((s) => s.id === id)!;
/** The first step that failed: "the right verdict at the right step". */
const firstFailed = (r: ClientCheckResult) => r.steps.find((s) => s.status === 'failed')?.id;

function noSecretIn(r: ClientCheckResult, ...values: (string | null | undefined)[]) {
  const text = JSON.stringify(r) + renderMarkdownReport(r);
  for (const v of values) if (v) expect(text).not.toContain(v);
}

describe('client check against the sandbox', () => {
  it('passes for a working client, pushes every step, and verifies the JWT', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-basic',
      scopes: [MEMBERS, 'audit.log:read'],
    });
    rig.events.length = 0;
    const r = await runCheck(rig, id);
    expect(r.steps.map((s) => [s.id, s.status])).toEqual([
      ['team-address', 'passed'],
      ['discovery', 'passed'],
      ['token-endpoint', 'passed'],
      ['auth-method', 'passed'],
      ['token', 'passed'],
      ['jwt-signature', 'passed'],
      ['scopes', 'skipped'],
      ['apis', 'passed'],
    ]);
    expect(step(r, 'jwt-signature').reason).toMatch(
      /^Signature verified with key \S+ of http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(r.summary).toEqual({
      outcome: 'passed',
      sentence: 'Works for all 2 scopes with a read-only preset.',
      changes: [],
    });
    // Progress: running then done for each step, in order, then the summary.
    const pushed = rig.events.filter((e) => e.step).map((e) => `${e.step!.id}:${e.step!.status}`);
    expect(pushed.slice(0, 4)).toEqual([
      'team-address:running',
      'team-address:passed',
      'discovery:running',
      'discovery:passed',
    ]);
    expect(rig.events.at(-1)).toMatchObject({
      done: true,
      step: null,
      summary: { outcome: 'passed' },
    });
    expect(rig.check.history.last(id)?.runId).toBe(r.runId);
    const token = rig.services.tokens.current(id)?.accessToken;
    noSecretIn(r, token, await rig.services.sandbox.clientSecret());
  });

  it('sends only GETs to APIs, one per scope', async () => {
    const before = new Set(rig.services.history.list().map((h) => h.id));
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-basic',
      scopes: [
        MEMBERS,
        'audit.log:read',
        'team.login-history:read',
        'intelligence.knowledge-models:read',
      ],
    });
    await runCheck(rig, id);
    const calls = rig.services.history.list().filter((h) => !before.has(h.id) && h.kind === 'api');
    expect(calls.length).toBe(4);
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
    expect(new Set(calls.map((c) => new URL(c.url).pathname)).size).toBe(4);
  });

  it('missing permission: APIs fails and names Admin & Settings > Permissions > Team', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-no-permission',
      scopes: [MEMBERS, 'team.login-history:read'],
    });
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('apis');
    expect(r.summary?.sentence).toBe(
      'Works for 1 of 2 scopes: team.login-history:read has no permission under Admin & Settings > Permissions > Team.',
    );
    expect(step(r, 'apis').fixes).toEqual([
      {
        kind: 'open-presets',
        label: 'Open the presets for team.login-history:read',
        scope: 'team.login-history:read',
      },
    ]);
    expect(r.summary?.changes[0]).toMatch(
      /^Open Admin & Settings > Permissions, find the Team service/,
    );
  });

  it('API switched off: APIs fails with 403 and an empty body', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-api-off',
      scopes: [MEMBERS, 'audit.log:read'],
    });
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('apis');
    const row = step(r, 'apis').rows.find((x) => x.scope === 'audit.log:read');
    expect(row).toMatchObject({
      status: 403,
      verdict: 'failed',
      finding: 'has its API switched off (403 with an empty body)',
    });
  });

  it('wrong method: Authentication method fails and offers the accepted method', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-post',
      scopes: [MEMBERS],
      authMethod: 'client_secret_basic',
    });
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('auth-method');
    expect(step(r, 'auth-method').fixes).toEqual([
      {
        kind: 'use-method',
        label: 'Use the accepted method: client_secret_post',
        authMethod: 'client_secret_post',
        basicEncoding: 'rfc6749',
      },
    ]);
    expect(step(r, 'token').status).toBe('failed');
    expect(step(r, 'apis').status).toBe('skipped');
  });

  it('wrong secret: Authentication method fails, naming the secret, not the method', async () => {
    const secret = 'not-the-sandbox-secret-123';
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-basic',
      scopes: [MEMBERS],
      secret,
    });
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('auth-method');
    expect(step(r, 'auth-method').reason).toBe(
      'No authentication method is accepted: the client ID or the secret is wrong.',
    );
    expect(step(r, 'auth-method').fixes).toEqual([]);
    noSecretIn(r, secret);
  });

  it('expired secret after Regenerate secret: fails at Authentication method, passes with the new secret', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-rotating',
      scopes: [MEMBERS],
    });
    const sandbox = await rig.services.sandbox.ensureStarted();
    const fresh = sandbox.regenerateClientSecret('sandbox-rotating');
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('auth-method');
    expect(step(r, 'auth-method').reason).toBe('The client secret has expired.');
    const profile = rig.services.profiles.get(id);
    await rig.services.profiles.save({
      id,
      fields: pickProfileFields(profile),
      clientSecret: fresh,
    });
    const again = await runCheck(rig, id);
    expect(again.summary?.outcome).toBe('passed');
    noSecretIn(again, fresh);
  });

  it('missing scope: Token fails with invalid_scope, the paced scope probe offers the granted scopes', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-limited',
      scopes: [MEMBERS, 'team.login-history:read'],
    });
    const r = await runCheck(rig, id, true);
    expect(firstFailed(r)).toBe('token');
    expect(step(r, 'token').reason).toContain('invalid_scope');
    expect(step(r, 'scopes')).toMatchObject({
      status: 'failed',
      reason: 'The client does not have team.login-history:read.',
      fixes: [{ kind: 'tick-scopes', label: 'Tick the granted scopes only', scopes: [MEMBERS] }],
    });
  }, 90_000);

  it('missing scope without the scope probe: Token fails and says how to find the scopes', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-limited',
      scopes: [MEMBERS, 'team.login-history:read'],
    });
    const r = await runCheck(rig, id);
    expect(firstFailed(r)).toBe('token');
    expect(step(r, 'token').finding).toContain('Check again with the scope probe');
    expect(step(r, 'scopes').status).toBe('skipped');
  });

  it('can be cancelled at any step: the rest stays pending and the summary says where', async () => {
    const id = await sandboxProfile(rig.services, { clientId: 'sandbox-basic', scopes: [MEMBERS] });
    const controller = new AbortController();
    const off = rig.services.events.subscribe('clientCheckProgress', (e) => {
      if (e.step?.id === 'token-endpoint' && e.step.status === 'passed') controller.abort();
    });
    const r = await rig.check.service.run(
      id,
      { runId: 'run-cancel', scopeProbe: false, appVersion: 'test' },
      controller.signal,
    );
    off();
    expect(r.summary?.outcome).toBe('cancelled');
    expect(r.summary?.sentence).toBe(
      'Cancelled at Authentication method: the check did not finish.',
    );
    expect(step(r, 'apis').status).toBe('pending');
  });

  it('through the handler table: cancelRequest with the runId stops a running check', async () => {
    const id = await sandboxProfile(rig.services, { clientId: 'sandbox-basic', scopes: [MEMBERS] });
    const handlers = createHandlers(rig.services, () => ({
      host: 'browser',
      version: 'test',
      dataDir: '',
      secretStorage: 'memory',
      keychainProblem: null,
    }));
    const runId = 'run-through-handlers';
    const off = rig.services.events.subscribe('clientCheckProgress', (e) => {
      if (e.runId === runId && e.step?.id === 'discovery' && e.step.status === 'passed') {
        void dispatch(handlers, 'cancelRequest', { requestId: runId });
      }
    });
    const envelope = await dispatch(handlers, 'runClientCheck', {
      profileId: id,
      runId,
      scopeProbe: true,
    });
    off();
    expect(envelope.ok && envelope.value.summary?.outcome).toBe('cancelled');
    const report = await dispatch(handlers, 'exportClientCheckReport', {
      profileId: id,
      format: 'html',
    });
    expect(report.ok && report.value.fileName).toMatch(
      /^client-check-sandbox-sandbox-basic-\d+-.*\.html$/,
    );
    const none = await dispatch(handlers, 'exportClientCheckReport', {
      profileId: 'no-such',
      format: 'markdown',
    });
    expect(none).toMatchObject({ ok: false, error: { field: 'profileId' } });
  });
});
