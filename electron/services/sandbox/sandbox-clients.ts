import type { ClientMetadata } from 'oidc-provider';
import { allCatalogScopes } from '../../../shared/scope-catalog';
import { sandboxCases } from './sandbox-cases';

export const SANDBOX_CLIENT_IDS = {
  basic: 'sandbox-basic',
  post: 'sandbox-post',
  limited: 'sandbox-limited',
  shortLived: 'sandbox-short-lived',
  public: 'sandbox-public',
} as const satisfies Record<string, string>;

export type SandboxClientId = (typeof SANDBOX_CLIENT_IDS)[keyof typeof SANDBOX_CLIENT_IDS];

export interface SandboxClientInfo {
  clientId: string;
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  /** The catalog scopes registered on the client (what an admin would have ticked). */
  scopes: string[];
  note: string;
}

/** Seconds an access token lives, as in the platform's token response example. */
export const ACCESS_TOKEN_TTL = 899;
/** Seconds an access token of `sandbox-short-lived` lives, for "expired token" tests. */
export const SHORT_ACCESS_TOKEN_TTL = 15;

/** OpenID Connect scopes the code-flow clients may add to the catalog scopes. */
export const OIDC_SCOPES = ['openid', 'offline_access'] as const;

/** Native clients may use any port on these (RFC 8252 §7.3); oidc-provider ignores the port. */
export const LOOPBACK_REDIRECT_URIS = [
  'http://127.0.0.1/callback',
  'http://localhost/callback',
  'http://[::1]/callback',
];

const GRANT = {
  clientCredentials: 'client_credentials',
  code: 'authorization_code',
  refresh: 'refresh_token',
  device: 'urn:ietf:params:oauth:grant-type:device_code',
} as const;

interface ClientSpec {
  info: SandboxClientInfo;
  grantTypes: string[];
}

const everyScope = [...allCatalogScopes];

const specs: ClientSpec[] = [
  {
    info: {
      clientId: SANDBOX_CLIENT_IDS.basic,
      authMethod: 'client_secret_basic',
      scopes: everyScope,
      note: 'Confidential client, secret in the Authorization header (client_secret_basic). Every scope; client credentials, authorization code and refresh token.',
    },
    grantTypes: [GRANT.clientCredentials, GRANT.code, GRANT.refresh],
  },
  {
    info: {
      clientId: SANDBOX_CLIENT_IDS.post,
      authMethod: 'client_secret_post',
      scopes: everyScope,
      note: 'Confidential client, id and secret as form fields (client_secret_post). Every scope; client credentials, authorization code and refresh token.',
    },
    grantTypes: [GRANT.clientCredentials, GRANT.code, GRANT.refresh],
  },
  {
    info: {
      clientId: SANDBOX_CLIENT_IDS.limited,
      authMethod: 'client_secret_basic',
      scopes: ['team.user-group-info:read', 'audit.log:read'],
      note: 'Client credentials only, with two scopes: asking for any other catalog scope gets invalid_scope. Use it to probe scopes.',
    },
    grantTypes: [GRANT.clientCredentials],
  },
  {
    info: {
      clientId: SANDBOX_CLIENT_IDS.shortLived,
      authMethod: 'client_secret_basic',
      scopes: everyScope,
      note: `Like sandbox-basic, but its access tokens live ${SHORT_ACCESS_TOKEN_TTL} seconds: use it to see expiry and renewal.`,
    },
    grantTypes: [GRANT.clientCredentials, GRANT.code, GRANT.refresh],
  },
  {
    info: {
      clientId: SANDBOX_CLIENT_IDS.public,
      authMethod: 'none',
      scopes: everyScope,
      note: 'Public native client without a secret: authorization code with PKCE (S256, required) on http://127.0.0.1:<any port>/callback, device code, refresh token.',
    },
    grantTypes: [GRANT.code, GRANT.refresh, GRANT.device],
  },
  // The client-check cases (sandbox-cases.ts): client credentials, client_secret_basic.
  ...sandboxCases.map((c) => ({
    info: {
      clientId: c.clientId,
      authMethod: 'client_secret_basic' as const,
      scopes: c.scopes,
      note: c.note,
    },
    grantTypes: [GRANT.clientCredentials],
  })),
];

export function sandboxClientInfos(): SandboxClientInfo[] {
  return specs.map((spec) => ({ ...spec.info, scopes: [...spec.info.scopes] }));
}

/** oidc-provider client metadata for every sandbox client. */
export function sandboxClientMetadata(clientSecret: string): ClientMetadata[] {
  return specs.map(({ info, grantTypes }) => {
    const codeFlow = grantTypes.includes(GRANT.code);
    const scopes = codeFlow ? [...info.scopes, ...OIDC_SCOPES] : info.scopes;
    return {
      client_id: info.clientId,
      ...(info.authMethod === 'none' ? {} : { client_secret: clientSecret }),
      client_name: info.clientId,
      token_endpoint_auth_method: info.authMethod,
      // native: loopback redirect URIs match on any port (RFC 8252 §7.3).
      application_type: 'native',
      grant_types: grantTypes,
      response_types: codeFlow ? ['code'] : [],
      redirect_uris: codeFlow ? LOOPBACK_REDIRECT_URIS : [],
      scope: scopes.join(' '),
    };
  });
}

export function accessTokenTtlFor(clientId: string | undefined): number {
  return clientId === SANDBOX_CLIENT_IDS.shortLived ? SHORT_ACCESS_TOKEN_TTL : ACCESS_TOKEN_TTL;
}
