import { findEndpoint, type ApiEndpoint } from '../api-catalog';
import { formatDuration } from '../countdown';
import { readRateLimit, formatWait } from '../rate-limit';
import { headerValue } from '../wire';
import { evidence, type Finding } from './finding';
import type { DiagnosisCall, DiagnosisToken } from './inputs';
import { networkFindings } from './network-rules';
import {
  bodyEvidence,
  originOfUrl,
  pathOf,
  rateHeaders,
  secondsLeft,
  statusEvidence,
} from './api-evidence';
import { forbiddenFindings } from './api-forbidden-rules';
import { parseWwwAuthenticate } from './www-authenticate';

export type AuthMode = 'token' | 'apiKey' | 'none' | 'custom';

export interface ApiDiagnosisInput extends DiagnosisCall {
  /** The token the request carried (auth mode `token`), or the profile's current one. */
  token: DiagnosisToken | null;
  authMode: AuthMode;
  /** When the request was sent (ms since epoch). */
  sentAt: number;
}

export const MALFORMED_AUTHORIZATION_PREFIX = 'Invalid "Authorization" header format';

/** Findings for an API call: why it failed (or is about to), and what to change. */
export function diagnoseApi(input: ApiDiagnosisInput): Finding[] {
  const { request, response, failure, token, authMode } = input;
  const out: Finding[] = [...networkFindings(failure, response)];
  const sentAuthorization = request ? headerValue(request.headers, 'authorization') : null;
  const endpoint: ApiEndpoint | null = request
    ? findEndpoint(pathOf(request.url), request.method)
    : null;
  const challenge = response
    ? parseWwwAuthenticate(headerValue(response.headers, 'www-authenticate'))
    : null;
  const usesToken = authMode === 'token' && token !== null;

  if (failure?.kind === 'no-token') {
    out.push({
      id: 'api.no-token',
      title: 'No token: the request was not sent',
      evidence: [evidence('profile', 'current token', 'none')],
      fix: 'Press Get token first, or choose an API key or no auth in Auth.',
      severity: 'error',
    });
  }
  if (!response) return out;
  const status = response.status;

  // Expiry is read from the countdown, not from the server's answer, so it is named even when
  // the server says only "Unauthorized".
  const left = usesToken ? secondsLeft(token, input.sentAt) : null;
  const expired = left !== null && left <= 0;
  if (expired && status === 401) {
    out.push({
      id: 'api.token-expired',
      title: 'The token had expired',
      evidence: [
        evidence(
          'countdown',
          'expired',
          `${formatDuration(-left)} before the request (expires_in ${token?.expiresIn} s)`,
        ),
        ...(challenge?.params.error
          ? [
              evidence(
                'header',
                'WWW-Authenticate',
                headerValue(response.headers, 'www-authenticate') ?? '',
              ),
            ]
          : []),
      ],
      fix: 'Press Get token for a new one. Client credentials tokens are not refreshed: a client gets a new token before expires_in runs out.',
      severity: 'error',
    });
  }

  if (status === 401 && /^\s*invalid "authorization" header format/i.test(response.bodyText)) {
    out.push({
      id: 'api.malformed-authorization',
      title: 'The Authorization header is malformed',
      evidence: [
        statusEvidence(response),
        evidence('body', 'body', response.bodyText.trim()),
        evidence(
          'request',
          'Authorization scheme',
          sentAuthorization ? (sentAuthorization.split(' ')[0] ?? '') : '(none)',
        ),
      ],
      fix: 'The header must be "Authorization: Bearer <token>" (an OAuth token or a user API key) or "AppKey <key>" (an application key), with one space. Remove a custom Authorization header or fix its scheme.',
      severity: 'error',
    });
  }

  if (status === 401 && !sentAuthorization) {
    out.push({
      id: 'api.no-bearer',
      title: 'No Authorization header was sent',
      evidence: [
        statusEvidence(response),
        ...bodyEvidence(response),
        evidence('request', 'Authorization', '(none)'),
      ],
      fix: 'Choose Auth: current OAuth token (press Get token first) or an API key.',
      severity: 'error',
    });
  }

  const targetOrigin = request ? originOfUrl(request.url) : null;
  if (
    usesToken &&
    targetOrigin &&
    targetOrigin !== token.origin &&
    (status === 401 || status === 403)
  ) {
    out.push({
      id: 'api.other-origin',
      title: "The token was issued for another team's origin",
      evidence: [
        evidence('request', 'sent to', targetOrigin),
        evidence('profile', 'token issued for', token.origin),
      ],
      fix: 'A token is good only for the team that issued it. Use (or create) a profile for the team at that origin and Get token there.',
      severity: 'error',
    });
  }

  if (status === 401 && challenge?.params.error === 'invalid_token' && !expired) {
    const description = challenge.params.error_description ?? '';
    const serverSaysExpired = /expired/i.test(description);
    out.push({
      id: serverSaysExpired ? 'api.token-expired' : 'api.invalid-token',
      title: serverSaysExpired
        ? 'The server says the token has expired'
        : 'The server did not accept the token (invalid_token)',
      evidence: [
        statusEvidence(response),
        evidence(
          'header',
          'WWW-Authenticate',
          headerValue(response.headers, 'www-authenticate') ?? '',
        ),
      ],
      fix: serverSaysExpired
        ? 'Press Get token for a new one (check the computer clock if the countdown disagrees).'
        : 'Press Get token for a new one. If it keeps failing, the token was issued for another team or cluster, or the client was deleted or its secret regenerated under Admin & Settings > Applications.',
      severity: 'error',
    });
  } else if (
    status === 401 &&
    sentAuthorization &&
    !expired &&
    !challenge &&
    authMode === 'apiKey'
  ) {
    out.push({
      id: 'api.key-rejected',
      title: 'The API key was not accepted',
      evidence: [
        statusEvidence(response),
        ...bodyEvidence(response),
        evidence('request', 'Authorization scheme', sentAuthorization.split(' ')[0] ?? ''),
      ],
      fix: 'User API keys go as "Bearer <key>", application keys as "AppKey <key>": try the other scheme, and check that the key belongs to this team.',
      severity: 'error',
    });
  }

  if (status === 403)
    out.push(...forbiddenFindings({ response, endpoint, token, usesToken, challenge }));

  if (status === 429) {
    const limit = readRateLimit(response.headers, input.sentAt);
    const wait = limit?.resetSeconds ?? null;
    const until = wait !== null ? new Date(input.sentAt + wait * 1000) : null;
    out.push({
      id: 'api.rate-limited',
      title: 'Rate limited: too many requests',
      evidence: [statusEvidence(response), ...bodyEvidence(response), ...rateHeaders(response)],
      fix:
        wait !== null && until
          ? `Wait ${formatWait(wait)} (until ${until.toISOString().slice(11, 19)} UTC), then send again. Spread calls out: the platform documents limits such as 20 a second for the Knowledge Model API.`
          : 'Wait before sending again; the server sent no reset time. Spread calls out.',
      severity: 'warning',
    });
  }

  if (status === 404 && endpoint) {
    out.push({
      id: 'api.not-found',
      title: 'Not found on a known API path',
      evidence: [
        statusEvidence(response),
        evidence(
          'request',
          'catalog endpoint',
          `${endpoint.method} ${endpoint.path} (${endpoint.confidence} confidence)`,
        ),
        ...(targetOrigin ? [evidence('request', 'origin', targetOrigin)] : []),
      ],
      fix: `This path exists on the platform, so check Team and Cluster (https://<team>.<cluster>.celonis.cloud) and any Base URL override${endpoint.pathParams.length ? `, and the ${endpoint.pathParams.join(', ')} in the path` : ''}. ${endpoint.confidence === 'high' ? '' : 'The catalog is not sure of this path: documents disagree.'}`.trim(),
      severity: 'error',
    });
  }
  return out;
}
