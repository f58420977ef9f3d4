import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { Configuration, ProviderContext, ResourceServerInfo, errors } from 'oidc-provider';
import { allCatalogScopes } from '../../../shared/scope-catalog';
import { createMemoryAdapter } from './memory-adapter';
import { OIDC_SCOPES, accessTokenTtlFor, sandboxClientMetadata } from './sandbox-clients';
import { SIGNING_ALG } from './sandbox-keys';
import {
  deviceCodeConfirmPage,
  deviceCodeInputPage,
  deviceSuccessPage,
  errorPage,
  logoutPage,
  logoutSuccessPage,
} from './sandbox-pages';

/** Every endpoint under /oauth2, like the platform's token and authorization endpoints. */
export const SANDBOX_ROUTES = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
  jwks: '/oauth2/jwks',
  userinfo: '/oauth2/userinfo',
  revocation: '/oauth2/revoke',
  introspection: '/oauth2/introspect',
  end_session: '/oauth2/logout',
  device_authorization: '/oauth2/device/auth',
  code_verification: '/oauth2/device',
  pushed_authorization_request: '/oauth2/par',
  registration: '/oauth2/register',
  backchannel_authentication: '/oauth2/backchannel',
  challenge: '/oauth2/challenge',
  credential: '/oauth2/credential',
} as const;

const HOUR = 60 * 60;
const KNOWN_SCOPES = new Set<string>([...OIDC_SCOPES, ...allCatalogScopes]);

export interface ProviderConfigInput {
  /** The sandbox's origin; also the one resource (audience) its access tokens are for. */
  issuer: string;
  clientSecret: string;
  privateJwks: { keys: JWK[] };
  providerErrors: typeof errors;
}

function sameResource(a: string, b: string): boolean {
  return URL.parse(a)?.href === URL.parse(b)?.href;
}

/**
 * oidc-provider itself answers invalid_scope only for registered scopes that are not on the
 * client; it silently drops scopes it has never heard of. The platform rejects those too, so
 * the sandbox does, with the same RFC 6749 error.
 */
function rejectUnknownScopes(ctx: ProviderContext, providerErrors: typeof errors): void {
  const requested = ctx.oidc.params?.scope;
  if (typeof requested !== 'string') return;
  const unknown = requested.split(' ').filter((scope) => scope && !KNOWN_SCOPES.has(scope));
  if (unknown.length > 0) {
    throw new providerErrors.InvalidScope('requested scope is not allowed', unknown.join(' '));
  }
}

export function buildProviderConfiguration(input: ProviderConfigInput): Configuration {
  const { issuer, providerErrors } = input;

  return {
    adapter: createMemoryAdapter(),
    clients: sandboxClientMetadata(input.clientSecret),
    jwks: input.privateJwks,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: [...KNOWN_SCOPES],
    responseTypes: ['code'],
    // The two methods the platform offers, plus none for the public client.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    routes: { ...SANDBOX_ROUTES },
    ttl: {
      AccessToken: (_ctx, token, client) => accessTokenTtlFor(client?.clientId ?? token.clientId),
      ClientCredentials: (_ctx, token, client) =>
        accessTokenTtlFor(client?.clientId ?? token.clientId),
      AuthorizationCode: 60,
      DeviceCode: 10 * 60,
      IdToken: HOUR,
      RefreshToken: 24 * HOUR,
      Interaction: HOUR,
      Session: 24 * HOUR,
      Grant: 24 * HOUR,
    },
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    // devInteractions accepts any login name; it becomes the subject.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    // Refresh tokens for every client allowed the grant, with or without offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The app calls the sandbox from its main process, never from a page.
    clientBasedCORS: () => false,
    renderError: errorPage,
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: deviceCodeInputPage,
        userCodeConfirmSource: deviceCodeConfirmPage,
        successSource: deviceSuccessPage,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: logoutPage,
        postLogoutSuccessSource: logoutSuccessPage,
      },
      // Access tokens are JWTs for one resource: the sandbox's own APIs at the issuer origin.
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => issuer,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, resourceIndicator, client) => {
          if (!sameResource(resourceIndicator, issuer)) {
            throw new providerErrors.InvalidTarget();
          }
          rejectUnknownScopes(ctx, providerErrors);
          const info: ResourceServerInfo = {
            scope: allCatalogScopes.join(' '),
            audience: issuer,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlFor(client.clientId),
            jwt: { sign: { alg: SIGNING_ALG } },
          };
          return info;
        },
      },
    },
  };
}
