import { describe, expect, it } from 'vitest';
import { peers, usePeer } from './interop-peers';

// The method probe when the profile sends parameters as multipart, and the scope probe, against
// three third-party servers: each verdict only what the server's answers support.

describe.each(peers)('probe placement and scope probe against $peer', ({ start, supports }) => {
  const ctx = usePeer(start);

  const probeMethods = async (profileId: string) =>
    ctx.app.call('probeAuthMethods', { profileId, requestId: ctx.app.requestId('methods') });
  const probeScope = (profileId: string, scopes: string[]) =>
    ctx.app.call('probeScope', { profileId, requestId: ctx.app.requestId('scope'), scopes });

  it(`profile sends parameters as multipart: the method probe still sends a form body${supports.checksSecret ? '' : ' (verdicts "undecided": this server checks no secret)'}`, async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      tokenUrl: server.tokenUrl,
      paramsAs: 'multipart',
    });
    const rows = await probeMethods(p.id);
    for (const row of rows) {
      expect(row.request?.body?.contentType).toBe('application/x-www-form-urlencoded');
    }
    const expected = supports.checksSecret ? 'accepted' : 'undecided';
    expect(rows.map((r) => r.verdict)).toEqual([expected, expected, expected]);
  });

  it(`wrong secret, parameters as multipart: no method is "accepted" (an unsupported_grant_type from a body the server cannot read is no proof of authentication${supports.checksSecret ? '' : '; this server checks no secret, so "undecided"'})`, async () => {
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

  it(
    supports.checksClientScopes
      ? "scope probe: a scope on the client is granted; one not on the client is rejected in the server's words"
      : 'scope probe: this server grants every scope asked, and the probe reports each as granted, as issued',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
      const allowed = server.scopes.allowed[0] ?? '';
      const good = await probeScope(p.id, [allowed]);
      expect(good.verdicts).toEqual([{ scope: allowed, verdict: 'granted' }]);
      const bad = await probeScope(p.id, [server.scopes.notOnClient]);
      if (!supports.checksClientScopes) {
        expect(bad.verdicts).toEqual([{ scope: server.scopes.notOnClient, verdict: 'granted' }]);
        return;
      }
      expect(bad.verdicts).toEqual([{ scope: server.scopes.notOnClient, verdict: 'rejected' }]);
      expect(['invalid_scope', 'unauthorized_scope']).toContain(bad.error);
      expect(bad.errorDescription).toBeTruthy();
      // The probe's token never replaces the profile's (there is none).
      expect(await app.call('getCurrentToken', { profileId: p.id })).toBeNull();
    },
  );

  it(
    supports.checksSecret
      ? 'scope probe with a wrong secret: invalid_client, and no scope is called "rejected" because of the credentials'
      : 'scope probe with a wrong secret: this server checks no secret, so the scope is granted as issued',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(
        server,
        server.clients.plain,
        { tokenUrl: server.tokenUrl },
        'not-the-secret-2',
      );
      const row = await probeScope(p.id, [server.scopes.allowed[0] ?? '']);
      if (!supports.checksSecret) {
        expect(row.verdicts[0]?.verdict).toBe('granted');
        return;
      }
      expect(row.error).toBe('invalid_client');
      // invalid_client says nothing about the scope: the row must not call it rejected.
      expect(row.verdicts.map((v) => v.verdict)).not.toContain('rejected');
    },
  );
});
