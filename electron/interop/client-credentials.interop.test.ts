import { describe, expect, it } from 'vitest';
import type { TokenResult } from '../../shared/results';
import { peers, usePeer } from './interop-peers';

// Client credentials against three authorization servers nobody here wrote, through the handler
// table. Each profile names the real Token URL, so only the client authentication varies here
// (Base URL only is covered in authorization-code.interop.test.ts and below for one case).

const findingIds = (r: TokenResult) => (r.diagnosis ?? []).map((f) => f.id);
const findingText = (r: TokenResult) =>
  (r.diagnosis ?? []).map((f) => `${f.title} ${f.fix}`).join('\n');

describe.each(peers)('client credentials against $peer', ({ start }) => {
  const ctx = usePeer(start);
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

  it.each(variants)(
    'client ID with : and /, secret with + / = % : ! space, $label: what the server decodes gets a token, else the finding names the encoding',
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
      const decodes =
        v.authMethod === 'client_secret_post' || server.supports.specialBasic[v.basicEncoding];
      if (decodes) {
        expect(r.failure).toBeNull();
        expect(r.token?.accessToken).toBeTruthy();
        return;
      }
      // This server cannot read these credentials from a Basic header in this encoding.
      expect(r.failure?.error).toBe('invalid_client');
      expect(findingIds(r)).toContain('token.basic-encoding');
      expect(findingText(r)).toMatch(/client_secret_post/);
    },
  );

  it('wrong secret: invalid_client that says to check the secret, and no method switch without evidence (or, where the server checks no secret, the token it issued)', async () => {
    const { server, app } = ctx;
    const p = await app.profile(
      server,
      server.clients.plain,
      { tokenUrl: server.tokenUrl },
      'not-the-secret-1',
    );
    const r = await app.getToken(p.id);
    expect(JSON.stringify(r)).not.toContain('not-the-secret-1');
    if (!server.supports.checksSecret) {
      // oauth2-mock-server checks no secret: it issues a token, and the app shows it as issued.
      expect(r.failure).toBeNull();
      expect(r.token?.accessToken).toBeTruthy();
      return;
    }
    expect(r.response?.status).toBe(401);
    expect(r.failure?.error).toBe('invalid_client');
    expect(r.diagnosis?.[0]?.id).toBe('token.invalid-client');
    expect(r.diagnosis?.[0]?.fix).toMatch(/Client secret/);
    // Nothing in the evidence points at the method or the encoding (plain ID and secret, no probe).
    expect(findingIds(r)).not.toContain('token.auth-method');
    expect(findingIds(r)).not.toContain('token.basic-encoding');
  });

  it("a scope the client does not have: the finding is about the client's scopes (or, where the server checks no scopes, the scope as issued)", async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, {
      tokenUrl: server.tokenUrl,
      scopes: [server.scopes.notOnClient],
    });
    const r = await app.getToken(p.id);
    if (!server.supports.checksClientScopes) {
      // oauth2-mock-server grants whatever is asked: the app reports exactly what it issued.
      expect(r.failure).toBeNull();
      expect(r.token?.grantedScopes).toEqual([server.scopes.notOnClient]);
      return;
    }
    expect(r.token).toBeNull();
    expect(['invalid_scope', 'unauthorized_scope']).toContain(r.failure?.error);
    const first = r.diagnosis?.[0];
    expect(first?.severity).toBe('error');
    expect(`${first?.title} ${first?.fix}`).toMatch(/scope/i);
    expect(first?.fix).toMatch(/Admin & Settings > Applications/);
    expect(findingIds(r)).not.toContain('token.invalid-client');
  });

  it.each(['multipart', 'query'] as const)(
    'parameters sent as %s: a token where the server reads them, else the first finding says to try Form body',
    async (paramsAs) => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, {
        tokenUrl: server.tokenUrl,
        authMethod: 'client_secret_basic',
        paramsAs,
      });
      const r = await app.getToken(p.id);
      // None of the three reads a multipart body or query parameters at the token endpoint.
      expect(r.token).toBeNull();
      expect(r.diagnosis?.[0]?.title ?? '').toMatch(
        new RegExp(paramsAs === 'query' ? 'query' : 'multipart', 'i'),
      );
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
