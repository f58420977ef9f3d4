import { describe, expect, it } from 'vitest';
import type { MethodProbeRow } from '../../shared/grant-results';
import { peers, usePeer } from './interop-peers';

// The method probe and the scope probe against three third-party servers: each verdict must be
// what the server's answers support, and "undecided" where they cannot tell.

const verdicts = (rows: MethodProbeRow[]) =>
  Object.fromEntries(rows.map((r) => [r.variant, r.verdict]));

describe.each(peers)('method and scope probes against $peer', ({ start }) => {
  const ctx = usePeer(start);

  const probeMethods = async (profileId: string) =>
    ctx.app.call('probeAuthMethods', { profileId, requestId: ctx.app.requestId('methods') });
  const probeScope = (profileId: string, scopes: string[]) =>
    ctx.app.call('probeScope', { profileId, requestId: ctx.app.requestId('scope'), scopes });

  it('plain client: every method the server checks and accepts is "accepted"; a server that checks no secret gets "undecided", never a false "accepted"', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
    const rows = await probeMethods(p.id);
    expect(rows.map((r) => r.variant)).toEqual(['basic-rfc6749', 'basic-raw', 'post']);
    expect(JSON.stringify(rows)).not.toContain(server.clients.plain.secret);
    if (!server.supports.checksSecret) {
      // oauth2-mock-server issues a token whatever the credentials: no method is shown to work.
      expect(rows.map((r) => r.verdict)).toEqual(['undecided', 'undecided', 'undecided']);
      for (const row of rows) expect(row.detail).toMatch(/secret|credentials/i);
      return;
    }
    expect(verdicts(rows)).toEqual({
      'basic-rfc6749': 'accepted',
      'basic-raw': 'accepted',
      post: 'accepted',
    });
  });

  it('client ID with : and /, secret with + / = % : ! space: the probe finds client_secret_post, and Basic only where the server decodes it (or "undecided" where no secret is checked)', async () => {
    const { server, app } = ctx;
    const client = server.clients.special;
    const p = await app.profile(server, client, { tokenUrl: server.tokenUrl });
    const rows = await probeMethods(p.id);
    expect(JSON.stringify(rows)).not.toContain(client.secret);
    if (!server.supports.checksSecret) {
      expect(rows.every((r) => r.verdict !== 'accepted')).toBe(true);
      return;
    }
    expect(verdicts(rows)).toEqual({
      'basic-rfc6749': server.supports.specialBasic.rfc6749 ? 'accepted' : 'rejected',
      'basic-raw': server.supports.specialBasic.raw ? 'accepted' : 'rejected',
      post: 'accepted',
    });
  });

  it('profile asks for a scope the client does not have: a scope error after authentication is not a method rejection', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      tokenUrl: server.tokenUrl,
      scopes: [server.scopes.notOnClient],
    });
    const rows = await probeMethods(p.id);
    // @node-oauth answers invalid_scope, @jmondi unauthorized_scope: neither says the method failed.
    expect(rows.filter((r) => r.verdict === 'rejected')).toEqual([]);
  });

  it('profile sends parameters as multipart: the method probe still sends a form body', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      tokenUrl: server.tokenUrl,
      paramsAs: 'multipart',
    });
    const rows = await probeMethods(p.id);
    for (const row of rows) {
      expect(row.request?.body?.contentType).toBe('application/x-www-form-urlencoded');
    }
    const expected = server.supports.checksSecret ? 'accepted' : 'undecided';
    expect(rows.map((r) => r.verdict)).toEqual([expected, expected, expected]);
  });

  it("scope probe: a scope on the client is granted; one not on the client is rejected in the server's words (oauth2-mock-server grants every scope asked, and the probe reports what it issued)", async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
    const allowed = server.scopes.allowed[0] ?? '';
    const good = await probeScope(p.id, [allowed]);
    expect(good.verdicts).toEqual([{ scope: allowed, verdict: 'granted' }]);
    const bad = await probeScope(p.id, [server.scopes.notOnClient]);
    if (!server.supports.checksClientScopes) {
      expect(bad.verdicts).toEqual([{ scope: server.scopes.notOnClient, verdict: 'granted' }]);
      return;
    }
    expect(bad.verdicts).toEqual([{ scope: server.scopes.notOnClient, verdict: 'rejected' }]);
    expect(['invalid_scope', 'unauthorized_scope']).toContain(bad.error);
    expect(bad.errorDescription).toBeTruthy();
    // The probe's token never replaces the profile's (there is none).
    expect(await app.call('getCurrentToken', { profileId: p.id })).toBeNull();
  });

  it('wrong secret, parameters as multipart: no method is "accepted" (an unsupported_grant_type from a body the server cannot read is no proof of authentication)', async () => {
    const { server, app } = ctx;
    const p = await app.profile(
      server,
      server.clients.plain,
      { tokenUrl: server.tokenUrl, paramsAs: 'multipart' },
      'not-the-secret-3',
    );
    const rows = await probeMethods(p.id);
    expect(rows.filter((r) => r.verdict === 'accepted')).toEqual([]);
  });

  it('scope probe with a wrong secret: no scope verdict is "rejected" because of the client\'s credentials', async () => {
    const { server, app } = ctx;
    const p = await app.profile(
      server,
      server.clients.plain,
      { tokenUrl: server.tokenUrl },
      'not-the-secret-2',
    );
    const row = await probeScope(p.id, [server.scopes.allowed[0] ?? '']);
    if (!server.supports.checksSecret) {
      expect(row.verdicts[0]?.verdict).toBe('granted');
      return;
    }
    expect(row.error).toBe('invalid_client');
    // invalid_client says nothing about the scope: the row must not call it rejected.
    expect(row.verdicts.map((v) => v.verdict)).not.toContain('rejected');
  });
});
