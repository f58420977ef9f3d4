import { describe, expect, it } from 'vitest';
import type { TokenResult } from '../../shared/results';
import { peers, usePeer } from './interop-peers';

// A token first, then one edit of the profile, then Get token again, against the three servers
// nobody here wrote: the refusal's first finding names what changed since that token.

const ids = (r: TokenResult) => (r.diagnosis ?? []).map((f) => f.id);

describe.each(peers)('what changed since the last token, against $peer', ({ start, supports }) => {
  const ctx = usePeer(start);

  it(
    supports.checksSecret
      ? 'a token, then another secret saved: invalid_client, and the first finding says the secret was replaced since that token'
      : 'a token, then another secret saved: this server checks no secret and issues a token, so no change is blamed',
    async () => {
      const { server, app } = ctx;
      const view = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
      expect((await app.getToken(view.id)).token).not.toBeNull();
      await app.saveAgain(view, {}, 'typed-over-secret-9');
      const r = await app.getToken(view.id);
      expect(JSON.stringify(r)).not.toContain('typed-over-secret-9');
      expect(JSON.stringify(r)).not.toContain(server.clients.plain.secret);
      if (!supports.checksSecret) {
        expect(r.token).not.toBeNull();
        expect(ids(r)).not.toContain('token.changed-since-token');
        return;
      }
      expect(r.failure?.error).toBe('invalid_client');
      expect(r.diagnosis?.[0]?.id).toBe('token.changed-since-token');
      expect(r.diagnosis?.[0]?.title).toMatch(/since then Client secret changed$/);
      expect(r.diagnosis?.[0]?.fix).toMatch(/enter the one that worked/);
    },
  );

  it('a token, then Get token again with nothing changed: a token, and no finding about changes', async () => {
    const { server, app } = ctx;
    const view = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
    expect((await app.getToken(view.id)).token).not.toBeNull();
    const again = await app.getToken(view.id);
    expect(again.token).not.toBeNull();
    expect(ids(again).filter((id) => id.includes('since-token'))).toEqual([]);
  });

  it(
    supports.checksClientScopes
      ? 'a token, then a scope the client does not have ticked: refused, and the first finding names that scope'
      : 'a token, then a scope the client does not have ticked: this server grants it, so no change is blamed',
    async () => {
      const { server, app } = ctx;
      const view = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
      expect((await app.getToken(view.id)).token).not.toBeNull();
      const scopes = [...view.scopes, server.scopes.notOnClient];
      await app.saveAgain(view, { scopes });
      const r = await app.getToken(view.id);
      if (!supports.checksClientScopes) {
        expect(r.token).not.toBeNull();
        expect(ids(r)).not.toContain('token.changed-since-token');
        return;
      }
      expect(r.token).toBeNull();
      expect(r.diagnosis?.[0]?.id).toBe('token.changed-since-token');
      expect(r.diagnosis?.[0]?.evidence).toContainEqual({
        source: 'profile',
        label: 'Scopes added',
        value: server.scopes.notOnClient,
      });
    },
  );
});
