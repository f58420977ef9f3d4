import type OAuth2Server from '@node-oauth/oauth2-server';
import { isLoopbackRedirect } from './http-fixture';
import type { InteropClient } from './interop-fixture';

type Client = OAuth2Server.Client;
type Token = OAuth2Server.Token;
type AuthorizationCode = OAuth2Server.AuthorizationCode;
type User = OAuth2Server.User;

/** The signed-in user every authorization request is approved for. */
export const TEST_USER: User = { id: 'ada', name: 'Ada Test' };

/**
 * An in-memory model for @node-oauth/oauth2-server 5.3.0: clients with a secret and a scope
 * list, access tokens, refresh tokens, authorization codes (with their PKCE challenge), and
 * scope validation against the client's scopes. Secrets are compared exactly as the package
 * hands them over (it does not form-decode Basic credentials).
 */
export function createNodeOauthModel(clients: InteropClient[], allowedScopes: string[]) {
  const tokens = new Map<string, Token>();
  const refreshTokens = new Map<string, Token>();
  const codes = new Map<string, AuthorizationCode>();
  const registered = new Map(clients.map((c) => [c.id, c]));
  const toClient = (c: InteropClient): Client => ({
    id: c.id,
    grants: ['client_credentials', 'authorization_code', 'refresh_token'],
    redirectUris: ['http://127.0.0.1/callback'],
    scopes: allowedScopes,
  });

  const model = {
    async getClient(clientId: string, clientSecret: string | null) {
      const c = registered.get(clientId);
      if (!c) return false;
      // Authorization requests ask without a secret; PKCE exchanges may too.
      if (clientSecret !== null && clientSecret !== undefined && clientSecret !== c.secret) {
        return false;
      }
      return toClient(c);
    },
    async validateRedirectUri(redirectUri: string) {
      return isLoopbackRedirect(redirectUri);
    },
    async validateScope(_user: User, client: Client, scope?: string[]) {
      const asked = scope ?? [];
      const own = client.scopes as string[];
      return asked.every((s) => own.includes(s)) ? asked : false;
    },
    async getUserFromClient(client: Client) {
      return { id: `service:${client.id}` };
    },
    async saveToken(token: Token, client: Client, user: User) {
      const saved: Token = { ...token, client, user };
      tokens.set(token.accessToken, saved);
      if (token.refreshToken) refreshTokens.set(token.refreshToken, saved);
      return saved;
    },
    async getAccessToken(accessToken: string) {
      return tokens.get(accessToken) ?? false;
    },
    async getRefreshToken(refreshToken: string) {
      const t = refreshTokens.get(refreshToken);
      return t ? { ...t, refreshToken } : false;
    },
    async revokeToken(token: { refreshToken: string }) {
      return refreshTokens.delete(token.refreshToken);
    },
    async saveAuthorizationCode(
      code: Pick<
        AuthorizationCode,
        | 'authorizationCode'
        | 'expiresAt'
        | 'redirectUri'
        | 'scope'
        | 'codeChallenge'
        | 'codeChallengeMethod'
      >,
      client: Client,
      user: User,
    ) {
      const saved: AuthorizationCode = { ...code, client, user };
      codes.set(code.authorizationCode, saved);
      return saved;
    },
    async getAuthorizationCode(authorizationCode: string) {
      return codes.get(authorizationCode) ?? false;
    },
    async revokeAuthorizationCode(code: AuthorizationCode) {
      return codes.delete(code.authorizationCode);
    },
  };
  return { model, revokeRefreshTokens: () => refreshTokens.clear() };
}
