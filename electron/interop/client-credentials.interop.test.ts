import { describe, expect, it } from 'vitest';
import type { TokenResult } from '../../shared/results';
import { peers, usePeer } from './interop-peers';

// Client credentials against three authorization servers nobody here wrote, through the handler
// table. Each profile names the real Token URL, so only the client authentication varies here
// (Base URL only: the last test, and authorization-code.interop.test.ts). Where a peer does not
// check something, the test's name says so and asserts what the app must then show.

const findingIds = (r: TokenResult) => (r.diagnosis ?? []).map((f) => f.id);
const findingText = (r: TokenResult) =>
  (r.diagnosis ?? []).map((f) => `${f.title} ${f.fix}`).join('\n');

const variants = [
  {
    label: 'client_secret_basic (RFC 6749 encoding)',
    authMethod: 'client_secret_basic',
    basicEncoding: 'rfc6749',
  },
  {
    label: 'client_secret_basic (raw encoding)',
    authMethod: 'client_secret_basic',
    basicEncoding: 'raw',
  },
  { label: 'client_secret_post', authMethod: 'client_secret_post', basicEncoding: 'rfc6749' },
] as const;

describe.each(peers)('client credentials against $peer', ({ start, supports }) => {
  const ctx = usePeer(start);

  it.each(variants)('plain client, $label: a token with the granted scope', async (v) => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      tokenUrl: server.tokenUrl,
      authMethod: v.authMethod,
      basicEncoding: v.basicEncoding,
    });
    const r = await app.getToken(p.id);
    expect(r.failure).toBeNull();
    expect(r.token?.accessToken).toBeTruthy();
    expect(r.token?.grantedScopes).toEqual([server.scopes.allowed[0]]);
    expect(r.request?.url).toBe(server.tokenUrl);
    expect(r.diagnosis?.filter((f) => f.severity === 'error')).toEqual([]);
    expect(JSON.stringify(r)).not.toContain(server.clients.plain.secret);
  });

  const special = variants.map((v) => ({
    ...v,
    outcome:
      v.authMethod === 'client_secret_post' || supports.specialBasic[v.basicEncoding]
        ? 'a token'
        : 'this server cannot decode such Basic credentials, so invalid_client with a finding that names the encoding and client_secret_post',
  }));

  it.each(special)(
    'client ID with : and /, secret with + / = % : ! space, $label: $outcome',
    async (v) => {
      const { server, app } = ctx;
      const client = server.clients.special;
      const p = await app.profile(server, client, {
        tokenUrl: server.tokenUrl,
        authMethod: v.authMethod,
        basicEncoding: v.basicEncoding,
      });
      const r = await app.getToken(p.id);
      expect(JSON.stringify(r)).not.toContain(client.secret);
      if (v.outcome === 'a token') {
        expect(r.failure).toBeNull();
        expect(r.token?.accessToken).toBeTruthy();
        return;
      }
      expect(r.failure?.error).toBe('invalid_client');
      expect(findingIds(r)).toContain('token.basic-encoding');
      expect(findingText(r)).toMatch(/client_secret_post/);
    },
  );

  it(
    supports.checksSecret
      ? 'wrong secret: invalid_client, the first finding says to check the secret, no method switch without evidence'
      : 'wrong secret: this server checks no secret and issues a token, and the app shows that token as issued',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(
        server,
        server.clients.plain,
        { tokenUrl: server.tokenUrl },
        'not-the-secret-1',
      );
      const r = await app.getToken(p.id);
      expect(JSON.stringify(r)).not.toContain('not-the-secret-1');
      if (!supports.checksSecret) {
        expect(r.failure).toBeNull();
        expect(r.token?.accessToken).toBeTruthy();
        return;
      }
      expect(r.response?.status).toBe(401);
      expect(r.failure?.error).toBe('invalid_client');
      expect(r.diagnosis?.[0]?.id).toBe('token.invalid-client');
      expect(r.diagnosis?.[0]?.fix).toMatch(/Client secret/);
      // Nothing points at the method or the encoding (plain ID and secret, no probe run).
      expect(findingIds(r)).not.toContain('token.auth-method');
      expect(findingIds(r)).not.toContain('token.basic-encoding');
    },
  );

  it(
    supports.checksClientScopes
      ? "a scope the client does not have: refused, and the first finding is about the client's scopes"
      : 'a scope the client does not have: this server checks no scopes and grants it, and the app reports it as granted',
    async () => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, {
        tokenUrl: server.tokenUrl,
        scopes: [server.scopes.notOnClient],
      });
      const r = await app.getToken(p.id);
      if (!supports.checksClientScopes) {
        expect(r.failure).toBeNull();
        expect(r.token?.grantedScopes).toEqual([server.scopes.notOnClient]);
        return;
      }
      expect(r.token).toBeNull();
      // @node-oauth answers 400 invalid_scope, @jmondi 401 unauthorized_scope.
      expect(['invalid_scope', 'unauthorized_scope']).toContain(r.failure?.error);
      const first = r.diagnosis?.[0];
      expect(first?.severity).toBe('error');
      expect(`${first?.title} ${first?.fix}`).toMatch(/scope/i);
      expect(first?.fix).toMatch(/Admin & Settings > Applications/);
      expect(findingIds(r)).not.toContain('token.invalid-client');
    },
  );

  it.each(['multipart', 'query'] as const)(
    'parameters sent as %s (this server reads only a form body): no token, and the first finding says to try Form body',
    async (paramsAs) => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, {
        tokenUrl: server.tokenUrl,
        authMethod: 'client_secret_basic',
        paramsAs,
      });
      const r = await app.getToken(p.id);
      expect(r.token).toBeNull();
      expect(r.diagnosis?.[0]?.title ?? '').toMatch(new RegExp(paramsAs, 'i'));
      expect(r.diagnosis?.[0]?.fix ?? '').toMatch(/Form body/);
    },
  );

  it('Base URL only: client credentials go to the token endpoint the server announces (or the conventional one where it announces none)', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, { authMethod: 'client_secret_post' });
    const r = await app.getToken(p.id);
    expect(r.request?.url).toBe(server.tokenUrl);
    expect(r.failure).toBeNull();
    expect(r.token?.accessToken).toBeTruthy();
  });
});
