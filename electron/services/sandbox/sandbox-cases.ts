// Clients built into the sandbox so that each thing that goes wrong with a newly registered
// client can be seen (and checked) without a team: a missing permission, an API switched off,
// and a secret that expired after "Regenerate secret". The wrong method, a wrong secret and a
// missing scope need no client of their own (sandbox-post with basic, any wrong secret,
// sandbox-limited with a scope it lacks).

export const SANDBOX_CASE_CLIENT_IDS = {
  noPermission: 'sandbox-no-permission',
  apiOff: 'sandbox-api-off',
  rotating: 'sandbox-rotating',
} as const;

export interface SandboxCase {
  clientId: string;
  scopes: string[];
  note: string;
  /** Scopes whose API answers 403 Access Denied for this client (permission missing). */
  noPermission: string[];
  /** Scopes whose API answers 403 with an empty body for this client (API switched off). */
  apiOff: string[];
}

export const sandboxCases: readonly SandboxCase[] = [
  {
    clientId: SANDBOX_CASE_CLIENT_IDS.noPermission,
    scopes: ['team.user-group-info:read', 'team.login-history:read'],
    noPermission: ['team.login-history:read'],
    apiOff: [],
    note: 'Has team.login-history:read but no permission behind it: /api/external/authentication-events answers 403 Access Denied (the fix is under Admin & Settings > Permissions).',
  },
  {
    clientId: SANDBOX_CASE_CLIENT_IDS.apiOff,
    scopes: ['team.user-group-info:read', 'audit.log:read'],
    noPermission: [],
    apiOff: ['audit.log:read'],
    note: 'Has audit.log:read, but the Audit Log API is switched off for the team: it answers 403 with an empty body.',
  },
  {
    clientId: SANDBOX_CASE_CLIENT_IDS.rotating,
    scopes: ['team.user-group-info:read'],
    noPermission: [],
    apiOff: [],
    note: 'Its secret can be regenerated (Sandbox.regenerateClientSecret); the old one then answers invalid_client "client secret is expired".',
  },
];

export function sandboxCaseFor(clientId: string | undefined): SandboxCase | undefined {
  return sandboxCases.find((c) => c.clientId === clientId);
}
