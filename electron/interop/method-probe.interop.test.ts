import { describe, expect, it } from 'vitest';
import type { MethodProbeRow } from '../../shared/grant-results';
import { peers, usePeer } from './interop-peers';

// The method probe against three third-party servers: each verdict must be what the server's
// answers support, and "undecided" where they cannot tell. (Placement and the scope probe:
// probe-placement-and-scope.interop.test.ts; two files so the paced probes run in parallel.)

const verdicts = (rows: MethodProbeRow[]) =>
  Object.fromEntries(rows.map((r) => [r.variant, r.verdict]));

describe.each(peers)('method probe against $peer', ({ start, supports }) => {
  const ctx = usePeer(start);

  const probeMethods = async (profileId: string) =>
    ctx.app.call('probeAuthMethods', { profileId, requestId: ctx.app.requestId('methods') });

  it(
    supports.checksSecret
      ? 'plain client: every method the server accepts is "accepted"'
      : 'plain client: this server checks no secret, so every method is "undecided" (never a false "accepted")',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
      const rows = await probeMethods(p.id);
      expect(rows.map((r) => r.variant)).toEqual(['basic-rfc6749', 'basic-raw', 'post']);
      expect(JSON.stringify(rows)).not.toContain(server.clients.plain.secret);
      if (!supports.checksSecret) {
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
    },
  );

  it(
    supports.checksSecret
      ? 'client ID with : and /, secret with + / = % : ! space: client_secret_post "accepted", Basic "rejected" (this server cannot decode such Basic credentials)'
      : 'client ID with : and /, secret with + / = % : ! space: this server checks no secret, so no method is "accepted"',
    async () => {
      const { server, app } = ctx;
      const client = server.clients.special;
      const p = await app.profile(server, client, { tokenUrl: server.tokenUrl });
      const rows = await probeMethods(p.id);
      expect(JSON.stringify(rows)).not.toContain(client.secret);
      if (!supports.checksSecret) {
        expect(rows.every((r) => r.verdict !== 'accepted')).toBe(true);
        return;
      }
      expect(verdicts(rows)).toEqual({
        'basic-rfc6749': supports.specialBasic.rfc6749 ? 'accepted' : 'rejected',
        'basic-raw': supports.specialBasic.raw ? 'accepted' : 'rejected',
        post: 'accepted',
      });
    },
  );

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

  it(
    supports.checksSecret
      ? 'wrong secret: every method gets invalid_client, so no method is "accepted" and none is singled out'
      : 'wrong secret: this server checks no secret, so no method is "accepted"',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(
        server,
        server.clients.plain,
        { tokenUrl: server.tokenUrl },
        'not-the-secret-4',
      );
      const rows = await probeMethods(p.id);
      expect(rows.filter((r) => r.verdict === 'accepted')).toEqual([]);
      expect(new Set(rows.map((r) => r.verdict)).size).toBe(1);
      expect(JSON.stringify(rows)).not.toContain('not-the-secret-4');
    },
  );
});
