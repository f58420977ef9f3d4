import type { ApiEndpoint } from '../api-catalog';
import { headerValue, type WireResponse } from '../wire';
import { bodyEvidence, groupOf, statusEvidence } from './api-evidence';
import { evidence, type Finding } from './finding';
import type { DiagnosisToken } from './inputs';
import type { BearerChallenge } from './www-authenticate';

const PERMISSIONS = 'Admin & Settings > Permissions';
const APPLICATIONS = 'Admin & Settings > Applications';

/** What the 403 rules read: the answer, the catalog entry, the token, the challenge. */
export interface ForbiddenCall {
  response: WireResponse;
  endpoint: ApiEndpoint | null;
  token: DiagnosisToken | null;
  usesToken: boolean;
  challenge: BearerChallenge | null;
}

/** A 403: the scope, the API switched off for the team, or the permission behind the scope. */
export function forbiddenFindings(call: ForbiddenCall): Finding[] {
  const { response, endpoint, token, usesToken, challenge } = call;
  const out: Finding[] = [];
  const granted = usesToken && token ? token.grantedScopes : null;
  const body = response.bodyText.trim();
  if (challenge?.params.error === 'insufficient_scope') {
    const hint = challenge.params.scope ?? endpoint?.scope ?? null;
    out.push({
      id: 'api.insufficient-scope',
      title: hint ? `The token lacks the scope ${hint}` : 'The token lacks a scope this API needs',
      evidence: [
        evidence(
          'header',
          'WWW-Authenticate',
          headerValue(response.headers, 'www-authenticate') ?? '',
        ),
        ...(granted ? [evidence('scopes', 'token scopes', granted.join(' ') || '(none)')] : []),
      ],
      fix: `Tick ${hint ?? 'the scope'} in this profile and press Get token. The scope must also be defined on the client under ${APPLICATIONS} (Define scopes), or the token endpoint answers invalid_scope.`,
      severity: 'error',
    });
  } else if (body === '') {
    out.push({
      id: 'api.not-enabled',
      title: 'The API is not enabled for this team',
      evidence: [statusEvidence(response), evidence('body', 'body', '(empty)')],
      fix: 'The platform answers 403 with an empty body when an API is not enabled for the team. Ask the team admin (or Celonis support) to enable it; the scope and permissions alone do not help.',
      severity: 'error',
    });
  } else if (endpoint?.scope && granted && !granted.includes(endpoint.scope)) {
    out.push({
      id: 'api.insufficient-scope',
      title: `The token lacks the scope ${endpoint.scope}`,
      evidence: [
        ...bodyEvidence(response),
        evidence(
          'scopes',
          'needed (API catalog)',
          `${endpoint.scope} (${endpoint.confidence} confidence)`,
        ),
        evidence('scopes', 'token scopes', granted.join(' ') || '(none)'),
      ],
      fix: `Tick ${endpoint.scope} in this profile and press Get token; it must also be defined on the client under ${APPLICATIONS}.`,
      severity: 'error',
    });
  } else if (endpoint?.scope && granted?.includes(endpoint.scope)) {
    const group = groupOf(endpoint.scope);
    out.push({
      id: 'api.missing-permission',
      title: 'The scope is there, the permission is not',
      evidence: [
        ...bodyEvidence(response),
        evidence('scopes', 'needed scope, in the token', endpoint.scope),
      ],
      fix: `A scope only opens the API; the client also needs permissions on the resources behind it. Open ${PERMISSIONS}, find the service${group ? ` for ${group}` : ''} (for ${endpoint.path}), click Edit, select the template for your application and Save. Then call again (no new token needed).`,
      severity: 'error',
    });
  } else if (usesToken && !endpoint) {
    out.push({
      id: 'api.forbidden',
      title: 'Access denied: a scope or a permission is missing',
      evidence: [
        ...bodyEvidence(response),
        evidence('scopes', 'token scopes', granted?.join(' ') || '(none)'),
      ],
      fix: `This path is not in the API catalog, so the scope it needs is unknown. Check the API's documentation for its scope (${APPLICATIONS}), then the client's permissions under ${PERMISSIONS}.`,
      severity: 'error',
    });
  }

  return out;
}
