import { describe, expect, it } from 'vitest';
import type { TokenResult } from '../../shared/results';
import type { InteropServer } from './interop-fixture';
import { peers, usePeer } from './interop-peers';

// Authorization code with PKCE S256, then refresh, against three third-party servers. The user's
// browser is played over plain HTTP (approval page, redirect to the loopback receiver).

const findingText = (r: TokenResult) =>
  (r.diagnosis ?? []).map((f) => `${f.title} ${f.fix}`).join('\n');

/** Where the server's metadata is, as RFC 8414 §3.1 and OpenID Discovery place it. */
function metadataUrl(server: InteropServer): string | null {
  const u = new URL(server.url);
  if (server.discovery === 'openid-configuration')
    return `${server.url}/.well-known/openid-configuration`;
  if (server.discovery === 'rfc8414-issuer-path')
    return `${u.origin}/.well-known/oauth-authorization-server${u.pathname}`;
  return null;
}

describe.each(peers)(
  'authorization code + PKCE S256 and refresh against $peer',
  ({ start, supports }) => {
    const ctx = usePeer(start);
    const modes = [
      { mode: 'Base URL only (discovery, else the conventional paths)', override: false },
      { mode: 'Token URL override', override: true },
    ];

    it.each(modes)(
      '$mode: sign-in, code exchange and refresh use the same token endpoint',
      async ({ override }) => {
        const { server, app } = ctx;
        const p = await app.profile(server, server.clients.plain, {
          grantType: 'authorization_code',
          tokenUrl: override ? server.tokenUrl : '',
        });
        const { start: begun, visit, result } = await app.authorize(p.id);

        // Discovery: found where the server publishes it, or said plainly that there is none.
        expect(begun.discovery.foundAt).toBe(metadataUrl(server));
        if (server.discovery === 'none') {
          expect(begun.discovery.notes.join(' ')).toMatch(/No discovery document/);
        }
        expect(begun.discovery.endpoints.token).toMatchObject({
          url: server.tokenUrl,
          source: override ? 'profile' : server.discovery === 'none' ? 'conventional' : 'discovery',
        });
        const authorize = new URL(begun.authorizationUrl);
        expect(authorize.origin + authorize.pathname).toBe(server.authorizationUrl);
        expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
        expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

        expect(visit.error).toBeUndefined();
        expect(result.failure).toBeNull();
        expect(result.request?.url).toBe(server.tokenUrl);
        expect(result.request?.body?.text).toMatch(/code_verifier=/);
        expect(result.token?.accessToken).toBeTruthy();
        expect(result.token?.refreshAvailable).toBe(true);

        const refreshed = await app.refresh(p.id);
        expect(refreshed.request?.url).toBe(server.tokenUrl);
        expect(refreshed.failure).toBeNull();
        expect(refreshed.token?.accessToken).toBeTruthy();

        // A second refresh works too: the refresh token was kept (these servers do not rotate it).
        const again = await app.refresh(p.id);
        expect(again.failure).toBeNull();
      },
    );

    it(
      supports.checksRefreshToken
        ? 'a refresh token the server has revoked: refused, and the first finding says to sign in again'
        : 'a refresh token the server has revoked: this server checks no refresh token and issues a token, and the app shows it',
      async () => {
        const { server, app } = ctx;
        const p = await app.profile(server, server.clients.plain, {
          grantType: 'authorization_code',
          tokenUrl: server.tokenUrl,
        });
        const { result } = await app.authorize(p.id);
        expect(result.failure).toBeNull();
        server.revokeRefreshTokens();
        const r = await app.refresh(p.id);
        if (!supports.checksRefreshToken) {
          expect(r.failure).toBeNull();
          expect(r.token?.accessToken).toBeTruthy();
          return;
        }
        // @node-oauth answers invalid_grant, @jmondi invalid_request ("Token has been revoked").
        expect(r.token).toBeNull();
        expect(['invalid_grant', 'invalid_request']).toContain(r.failure?.error);
        expect(r.diagnosis?.[0]?.severity).toBe('error');
        expect(findingText(r)).toMatch(/sign in again/i);
        expect(findingText(r)).not.toMatch(/Basic encoding|Form body/);
      },
    );
  },
);
