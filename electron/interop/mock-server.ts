import { OAuth2Server } from 'oauth2-mock-server';
import {
  SPECIAL_CLIENT_ID,
  SPECIAL_SECRET,
  type InteropServer,
  type PeerSupports,
} from './interop-fixture';

export const mockSupports: PeerSupports = {
  checksSecret: false,
  checksClientScopes: false,
  checksRefreshToken: false,
  specialBasic: { rfc6749: true, raw: true },
};

/**
 * oauth2-mock-server 9.3.0: OpenID discovery at the issuer, `/token` and `/authorize` (which
 * redirects straight back, no sign-in). By design it checks no client, secret, scope or refresh
 * token, and answers a malformed request with `application/problem+json`, not an OAuth error.
 */
export async function startMockServer(): Promise<InteropServer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  // It names itself http://localhost:<port>; the issuer is where it listens.
  const url = `http://127.0.0.1:${server.address().port}`;
  server.issuer.url = url;
  const issuedRefreshTokens: string[] = [];
  server.service.on('beforeResponse', (response: { body: unknown }) => {
    const body = response.body as { refresh_token?: unknown };
    if (typeof body.refresh_token === 'string') issuedRefreshTokens.push(body.refresh_token);
  });
  return {
    name: 'oauth2-mock-server 9.3.0',
    url,
    tokenUrl: `${url}/token`,
    authorizationUrl: `${url}/authorize`,
    discovery: 'openid-configuration',
    clients: {
      plain: { id: 'interop-plain', secret: 'plain-Secret-42' },
      special: { id: SPECIAL_CLIENT_ID, secret: SPECIAL_SECRET },
    },
    scopes: { allowed: ['reports:read'], notOnClient: 'admin:write' },
    supports: mockSupports,
    revokeRefreshTokens: () => undefined,
    issuedRefreshTokens,
    stop: () => server.stop(),
  };
}
