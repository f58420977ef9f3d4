import { describe, expect, it } from 'vitest';
import type { ClientCheckResult, CheckStepId } from '../../../shared/client-check/check-types';
import { peers, usePeer } from '../../interop/interop-peers';

// The client check against the three authorization servers nobody here wrote (the INTEROP
// fixtures): steps a server cannot answer are "undecided" (or "skipped" with why), never "passed".

const status = (r: ClientCheckResult, id: CheckStepId) => r.steps.find((s) => s.id === id)?.status;

describe.each(peers)('client check against $peer', ({ start }) => {
  const ctx = usePeer(start);

  const check = async (profileId: string, scopeProbe: boolean) =>
    ctx.app.call('runClientCheck', { profileId, runId: ctx.app.requestId('check'), scopeProbe });

  it('plain client, Base URL only: the token passes; what the server cannot tell is undecided or skipped', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain);
    const r = await check(p.id, !server.supports.checksClientScopes);
    expect(status(r, 'team-address')).toBe('passed');
    expect(status(r, 'token-endpoint')).toBe('passed');
    expect(status(r, 'token')).toBe('passed');
    // No catalog scope, so no read-only preset: the APIs step cannot pass.
    expect(r.steps.find((s) => s.id === 'apis')).toMatchObject({
      status: 'skipped',
      reason: 'No granted scope has a documented read-only GET preset.',
    });
    if (!server.supports.checksSecret) expect(status(r, 'auth-method')).toBe('undecided');
    else expect(status(r, 'auth-method')).toBe('passed');
    if (!server.supports.checksClientScopes) {
      expect(r.steps.find((s) => s.id === 'scopes')?.reason).toMatch(/grants any scope/);
      expect(status(r, 'scopes')).toBe('undecided');
    }
    expect(['passed', 'undecided', 'skipped']).toContain(status(r, 'jwt-signature'));
    expect(r.summary?.outcome).not.toBe('failed');
    expect(JSON.stringify(r)).not.toContain(server.clients.plain.secret);
  });

  it('wrong secret: fails at Authentication method where the server checks secrets, else never passes', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {}, 'wrong-secret-for-check');
    const r = await check(p.id, false);
    if (server.supports.checksSecret) {
      expect(r.steps.find((s) => s.status === 'failed')?.id).toBe('auth-method');
      expect(r.summary?.outcome).toBe('failed');
    } else {
      expect(status(r, 'auth-method')).toBe('undecided');
      expect(r.summary?.outcome).toBe('undecided');
    }
    expect(JSON.stringify(r)).not.toContain('wrong-secret-for-check');
  });

  it('a scope not on the client: fails at Token where the server checks client scopes', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      scopes: [server.scopes.notOnClient],
    });
    const r = await check(p.id, !server.supports.checksClientScopes);
    if (server.supports.checksClientScopes) {
      expect(r.steps.find((s) => s.status === 'failed')?.id).toBe('token');
    } else {
      expect(status(r, 'token')).toBe('passed');
      expect(r.summary?.outcome).not.toBe('passed');
    }
  });
});
