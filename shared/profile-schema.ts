// The zod schema of a profile's fields (see profile.ts): validation in the main process, the
// contract and profile import. Kept apart so that the renderer, which only uses the constants and
// functions of profile.ts, loads no zod.
import { z } from 'zod';
import { authMethods, grantTypes, paramsAsOptions } from './profile';
import { isValidScopeToken } from './scope-string';
import { checkOverrideUrl, isValidLabel } from './team-url';
import { profileVariablesSchema } from './variables-schema';

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
