import { joinUrl, teamBaseUrl } from './team-url';
import type { ProfileFields } from './profile-schema';

export const grantTypes = ['client_credentials', 'authorization_code', 'device_code'] as const;
export type GrantType = (typeof grantTypes)[number];
export const grantTypeLabels: Record<GrantType, string> = {
  client_credentials: 'Client credentials',
  authorization_code: 'Authorization code',
  device_code: 'Device code',
};

/** `none`: a public client (no secret; PKCE protects the code). */
export const authMethods = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type AuthMethod = (typeof authMethods)[number];

export const paramsAsOptions = ['form', 'multipart', 'query'] as const;
export type ParamsAs = (typeof paramsAsOptions)[number];

/** The fields a user edits; their zod schema is in profile-schema.ts (main process only). */
export type { ProfileFields };

/** A profile as stored: the fields plus identity. Never holds a secret. */
export interface StoredProfile extends ProfileFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export type SecretStorage = 'keychain' | 'memory';

/** A profile as the renderer sees it. */
export interface ProfileView extends StoredProfile {
  hasSecret: boolean;
  secretPreview: string | null;
  secretStorage: SecretStorage | null;
  /** Base URL and Token URL in effect (overrides applied, sandbox resolved). */
  effectiveBaseUrl: string | null;
  effectiveTokenUrl: string | null;
}

export const emptyProfileFields: ProfileFields = {
  name: '',
  team: '',
  cluster: '',
  baseUrl: '',
  tokenUrl: '',
  clientId: '',
  grantType: 'client_credentials',
  authMethod: 'client_secret_basic',
  scopes: [],
  paramsAs: 'form',
  basicEncoding: 'rfc6749',
  sandbox: false,
  redirectPort: 0,
  redirectPath: '/callback',
  autoRenew: false,
  renewLeadSeconds: 60,
  variables: [],
};

export function effectiveBaseUrl(p: ProfileFields, sandboxUrl?: string | null): string | null {
  if (p.baseUrl) return p.baseUrl.replace(/\/+$/, '');
  if (p.sandbox) return sandboxUrl ?? null;
  if (p.team && p.cluster) return teamBaseUrl({ team: p.team, cluster: p.cluster });
  return null;
}

export function effectiveTokenUrl(p: ProfileFields, sandboxUrl?: string | null): string | null {
  if (p.tokenUrl) return p.tokenUrl;
  const base = effectiveBaseUrl(p, sandboxUrl);
  return base ? joinUrl(base, '/oauth2/token') : null;
}

/** The editable fields of a stored or viewed profile (drops identity and derived values). */
export function pickProfileFields(p: ProfileFields): ProfileFields {
  return {
    name: p.name,
    team: p.team,
    cluster: p.cluster,
    baseUrl: p.baseUrl,
    tokenUrl: p.tokenUrl,
    clientId: p.clientId,
    grantType: p.grantType,
    authMethod: p.authMethod,
    scopes: [...p.scopes],
    paramsAs: p.paramsAs,
    basicEncoding: p.basicEncoding,
    sandbox: p.sandbox,
    redirectPort: p.redirectPort,
    redirectPath: p.redirectPath,
    autoRenew: p.autoRenew,
    renewLeadSeconds: p.renewLeadSeconds,
    variables: p.variables.map((v) => ({ ...v })),
  };
}
