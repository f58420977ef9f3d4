import {
  guardAgainstInvalidClientScopes,
  OAuthException,
  type OAuthAuthCode,
  type OAuthAuthCodeRepository,
  type OAuthClient,
  type OAuthClientRepository,
  type OAuthScope,
  type OAuthScopeRepository,
  type OAuthToken,
  type OAuthTokenRepository,
  type OAuthUser,
  type OAuthUserRepository,
} from '@jmondi/oauth2-server';
import { randomBytes } from 'node:crypto';
import type { InteropClient } from './interop-fixture';

const random = () => randomBytes(24).toString('base64url');
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

/**
 * In-memory repositories for @jmondi/oauth2-server 4.3.7: clients (secret, grants, scopes),
 * scopes (the server knows `known`; a client may ask only for its own, else
 * `unauthorized_scope`), tokens, refresh tokens and authorization codes. A used refresh token
 * stays valid (revoking a token ends only its access token) unless `revokeRefreshTokens` runs.
 */
export function createJmondiRepositories(
  clients: InteropClient[],
  allowed: string[],
  known: string[],
) {
  const toClient = (c: InteropClient): OAuthClient => ({
    id: c.id,
    name: c.id,
    secret: c.secret,
    redirectUris: ['http://127.0.0.1/callback'],
    allowedGrants: ['client_credentials', 'authorization_code', 'refresh_token'],
    scopes: allowed.map((name) => ({ name })),
  });
  const registered = new Map(clients.map((c) => [c.id, toClient(c)]));
  const byAccess = new Map<string, OAuthToken>();
  const byRefresh = new Map<string, OAuthToken>();
  const revokedRefresh = new Set<string>();
  const codes = new Map<string, OAuthAuthCode>();
  const revokedCodes = new Set<string>();

  const clientRepository: OAuthClientRepository = {
    async getByIdentifier(clientId) {
      const client = registered.get(clientId);
      if (!client) throw OAuthException.invalidClient();
      return client;
    },
    async isClientValid(grantType, client, clientSecret) {
      if (client.secret && client.secret !== clientSecret) return false;
      return client.allowedGrants.includes(grantType);
    },
  };
  const scopeRepository: OAuthScopeRepository = {
    async getAllByIdentifiers(names) {
      return names.filter((n) => known.includes(n)).map((name) => ({ name }));
    },
    async finalize(scopes: OAuthScope[], _grant, client) {
      guardAgainstInvalidClientScopes(client, scopes);
      return scopes;
    },
  };
  const tokenRepository: OAuthTokenRepository = {
    async issueToken(client, scopes, user) {
      return {
        accessToken: random(),
        accessTokenExpiresAt: inSeconds(899),
        refreshToken: null,
        refreshTokenExpiresAt: null,
        client,
        user: user ?? null,
        scopes,
      };
    },
    async issueRefreshToken(token) {
      token.refreshToken = random();
      token.refreshTokenExpiresAt = inSeconds(86400);
      // The package persists the access token before it asks for a refresh token.
      byRefresh.set(token.refreshToken, token);
      return token;
    },
    async persist(token) {
      byAccess.set(token.accessToken, token);
      if (token.refreshToken) byRefresh.set(token.refreshToken, token);
    },
    async revoke(token) {
      token.accessTokenExpiresAt = new Date(0);
    },
    async isRefreshTokenRevoked(token) {
      const expired = (token.refreshTokenExpiresAt?.getTime() ?? 0) < Date.now();
      return expired || revokedRefresh.has(token.refreshToken ?? '');
    },
    async getByRefreshToken(refreshToken) {
      const token = byRefresh.get(refreshToken);
      if (!token) throw OAuthException.invalidGrant('unknown refresh token');
      return token;
    },
    async getByAccessToken(accessToken) {
      const token = byAccess.get(accessToken);
      if (!token) throw OAuthException.invalidGrant('unknown access token');
      return token;
    },
  };
  const authCodeRepository: OAuthAuthCodeRepository = {
    async getByIdentifier(code) {
      const found = codes.get(code);
      if (!found) throw OAuthException.invalidGrant('unknown authorization code');
      return found;
    },
    issueAuthCode(client, user, scopes) {
      return { code: random(), client, user: user ?? null, scopes, expiresAt: inSeconds(600) };
    },
    async persist(code) {
      codes.set(code.code, code);
    },
    async isRevoked(code) {
      return revokedCodes.has(code);
    },
    async revoke(code) {
      revokedCodes.add(code);
    },
  };
  const userRepository: OAuthUserRepository = {
    async getUserByCredentials(identifier): Promise<OAuthUser> {
      return { id: identifier };
    },
  };
  return {
    clientRepository,
    scopeRepository,
    tokenRepository,
    authCodeRepository,
    userRepository,
    revokeRefreshTokens: () => {
      for (const t of byRefresh.keys()) revokedRefresh.add(t);
    },
  };
}
