import { z } from 'zod';
import { isValidScopeToken } from './scope-string';
import { checkOverrideUrl, isValidLabel, joinUrl, teamBaseUrl } from './team-url';
import { profileVariablesSchema } from './variables';

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

const optionalUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((v) => v === '' || checkOverrideUrl(v) === null, {
      error: (issue) => `${field} ${checkOverrideUrl(String(issue.input)) ?? 'is invalid'}`,
    });

/** The fields a user edits. Secrets are not part of it: they travel separately. */
export const profileFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'Profile name is required').max(120),
    team: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === '' || isValidLabel(v), 'Team must be letters, digits and dashes'),
    cluster: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === '' || isValidLabel(v), 'Cluster must be letters, digits and dashes'),
    baseUrl: optionalUrl('Base URL'),
    tokenUrl: optionalUrl('Token URL'),
    clientId: z.string().trim().min(1, 'Client ID is required').max(512),
    grantType: z.enum(grantTypes),
    authMethod: z.enum(authMethods),
    scopes: z
      .array(
        z
          .string()
          .trim()
          .refine(
            isValidScopeToken,
            'Scope contains a space or a character RFC 6749 does not allow',
          ),
      )
      .max(200),
    paramsAs: z.enum(paramsAsOptions),
    basicEncoding: z.enum(['rfc6749', 'raw']),
    /** A sandbox profile points at the built-in sandbox, wherever it listens this run. */
    sandbox: z.boolean(),
    // Added after the first version: defaults keep profiles stored by it readable.
    /** Loopback redirect receiver: 0 = any free port (RFC 8252 §7.3), else the registered one. */
    redirectPort: z.number().int().min(0).max(65535).default(0),
    redirectPath: z
      .string()
      .trim()
      .max(200)
      .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'Redirect path must start with / and hold no query')
      .default('/callback'),
    /** Renew the token this many seconds before it expires. */
    autoRenew: z.boolean().default(false),
    renewLeadSeconds: z.number().int().min(5).max(3600).default(60),
    /** `{{name}}` values for the profile's requests: plain values, never secrets. */
    variables: profileVariablesSchema.default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.sandbox && p.baseUrl === '' && (p.team === '' || p.cluster === '')) {
      ctx.addIssue({
        code: 'custom',
        path: [p.team === '' ? 'team' : 'cluster'],
        message: 'Team and Cluster are required unless a Base URL is given',
      });
    }
  });

export type ProfileFields = z.infer<typeof profileFieldsSchema>;

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
