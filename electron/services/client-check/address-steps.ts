import { evidence } from '../../../shared/diagnosis/finding';
import { joinUrl } from '../../../shared/team-url';
import type { StepRunner } from './check-deps';

const APPLICATIONS = 'Admin & Settings > Applications';

/** 1. The team URL resolves (DNS), TLS is valid, and `/` answers. */
export const teamAddressStep: StepRunner = async (state, deps, signal) => {
  const base = state.baseUrl;
  if (!base) {
    return {
      status: 'failed',
      reason: 'The profile has no address.',
      finding: 'Neither Team and Cluster nor a Base URL are set.',
      changes: [
        'Paste the team URL (https://<team>.<cluster>.celonis.cloud) into Team and save the profile.',
      ],
    };
  }
  const url = joinUrl(base, '/');
  const sent = await deps.fetchRoot(base, signal);
  const exchanges = [
    state.masker.exchange(
      'GET /',
      { method: 'GET', url, headers: [] },
      sent.response,
      sent.failure,
    ),
  ];
  const https = url.startsWith('https:');
  if (sent.response) {
    state.rootAnswered = true;
    return {
      status: 'passed',
      reason: `${url} answers ${sent.response.status}.`,
      facts: [
        evidence('network', 'DNS', 'resolves'),
        evidence(
          'network',
          'TLS',
          https ? 'certificate valid' : 'plain http (local server, no TLS)',
        ),
        evidence('status', '/', `${sent.response.status} ${sent.response.statusText}`.trim()),
      ],
      exchanges,
    };
  }
  const f = sent.failure;
  if (f.kind === 'cancelled') return { status: 'skipped', reason: 'Cancelled.', exchanges };
  const what =
    f.kind === 'dns'
      ? 'The team address does not resolve (DNS).'
      : f.kind === 'tls'
        ? 'The TLS certificate is not valid.'
        : `${url} does not answer (${f.title}).`;
  return {
    status: 'failed',
    reason: what,
    finding: `${f.message} ${f.hint}`.trim(),
    changes: [
      f.kind === 'tls'
        ? 'Add the company CA certificate under Settings (extra CA certificates), or check the proxy.'
        : 'Check Team and Cluster (https://<team>.<cluster>.celonis.cloud), the Base URL and the proxy settings.',
    ],
    exchanges,
  };
};

/** 2. Discovery: found or not, with the endpoints it announces. */
export const discoveryStep: StepRunner = async (state, deps, signal) => {
  const view = await deps.discover(state.profile, signal);
  state.discovery = view;
  state.tokenUrl = view.endpoints.token.url;
  const facts = [
    ...view.attempts.map((a) =>
      evidence('request', a.url, `${a.status ?? 'no answer'}: ${a.outcome}`),
    ),
    evidence(
      'profile',
      'token endpoint',
      `${view.endpoints.token.url ?? '(none)'} (${view.endpoints.token.source})`,
    ),
  ];
  if (view.metadata) {
    const m = view.metadata;
    facts.push(
      evidence('body', 'issuer', m.issuer ?? '(none)'),
      evidence('body', 'token_endpoint', m.tokenEndpoint ?? '(none)'),
      evidence('body', 'authorization_endpoint', m.authorizationEndpoint ?? '(none)'),
      evidence(
        'body',
        'token_endpoint_auth_methods_supported',
        m.authMethods.join(' ') || '(none)',
      ),
      evidence('body', 'grant_types_supported', m.grantTypes.join(' ') || '(none)'),
    );
    return { status: 'passed', reason: `Found at ${view.foundAt}.`, facts };
  }
  return {
    status: 'undecided',
    reason: `No discovery document; the check uses ${view.endpoints.token.url ?? 'no token endpoint'}.`,
    finding: view.notes.join(' '),
    facts,
  };
};

/** 3. Token endpoint: it answers at all (a POST without credentials gets some answer). */
export const tokenEndpointStep: StepRunner = async (state, deps, signal) => {
  const url = state.tokenUrl;
  if (!url) return { status: 'skipped', reason: 'No token endpoint is known.' };
  const sent = await deps.pingTokenEndpoint(url, signal);
  const request = {
    method: 'POST',
    url,
    headers: [['Content-Type', 'application/x-www-form-urlencoded']] as [string, string][],
    body: {
      contentType: 'application/x-www-form-urlencoded',
      text: 'grant_type=client_credentials',
    },
  };
  const exchanges = [
    state.masker.exchange('POST without credentials', request, sent.response, sent.failure),
  ];
  if (!sent.response) {
    return {
      status: sent.failure.kind === 'cancelled' ? 'skipped' : 'failed',
      reason: `${url} does not answer (${sent.failure.title}).`,
      finding: sent.failure.hint,
      changes: ['Check the Token URL override (or clear it to use the discovered endpoint).'],
      exchanges,
    };
  }
  const res = sent.response;
  let error: string | null = null;
  try {
    const json = JSON.parse(res.bodyText) as { error?: unknown };
    error = typeof json.error === 'string' ? json.error : null;
  } catch {
    error = null;
  }
  if (error || res.status === 200) {
    state.tokenEndpointAnswers = true;
    return {
      status: 'passed',
      reason: `Answers ${res.status}${error ? ` ${error}` : ''} to a request without credentials, as a token endpoint does.`,
      exchanges,
    };
  }
  return {
    status: 'failed',
    reason: `${url} answers ${res.status} without an OAuth error: it does not look like a token endpoint.`,
    finding: `A token endpoint answers a request without credentials with an RFC 6749 error (invalid_client). The registered client lives under ${APPLICATIONS}; the endpoint is /oauth2/token on the team address.`,
    changes: [
      'Clear the Token URL override, or set it to https://<team>.<cluster>.celonis.cloud/oauth2/token.',
    ],
    exchanges,
  };
};
