import type { WireRequest } from '../wire';
import { headerValue } from '../wire';
import { evidence, type Evidence, type Finding } from './finding';
import type { DiagnosisProfile } from './inputs';

const APPLICATIONS = 'Admin & Settings > Applications';

export type Placement = 'form' | 'multipart' | 'query';

/** How the parameters went out: the profile's setting, else read from the request itself. */
export function sentPlacement(request: WireRequest | null, profile: DiagnosisProfile): Placement {
  if (profile.paramsAs) return profile.paramsAs;
  if (!request) return 'form';
  const type = request.body?.contentType ?? headerValue(request.headers, 'content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) return 'multipart';
  try {
    if (new URL(request.url).searchParams.has('grant_type')) return 'query';
  } catch {
    // not a URL: nothing to read from it
  }
  return 'form';
}

/** The grant_type the request carried, wherever it was placed (body, multipart part, URL). */
export function sentGrantType(request: WireRequest | null): string | null {
  if (!request) return null;
  try {
    const inUrl = new URL(request.url).searchParams.get('grant_type');
    if (inUrl) return inUrl;
  } catch {
    // fall through to the body
  }
  const text = request.body?.text ?? '';
  const part = /name="grant_type"\r\n\r\n([^\r]*)\r\n/.exec(text)?.[1];
  if (part !== undefined) return part;
  if (/^application\/x-www-form-urlencoded/i.test(request.body?.contentType ?? ''))
    return new URLSearchParams(text).get('grant_type');
  return null;
}

const placementWords: Record<Exclude<Placement, 'form'>, string> = {
  multipart: 'a multipart body',
  query: 'query parameters',
};

/**
 * The server reads the token request from a form body (RFC 6749 §3.2); some do not read
 * multipart bodies or query parameters at all, and then miss grant_type or the credentials.
 */
export function placementFinding(
  placement: Placement,
  errorEvidence: Evidence[],
  request: WireRequest | null,
): Finding | null {
  if (placement === 'form') return null;
  const sentAs =
    placement === 'multipart'
      ? evidence('request', 'Content-Type', request?.body?.contentType ?? 'multipart/form-data')
      : evidence(
          'request',
          'parameters in the URL',
          request ? (request.url.split('?')[1] ?? '') : '',
        );
  return {
    id: 'token.parameter-placement',
    title: `The server may not accept parameters sent as ${placementWords[placement]}; try Form body`,
    evidence: [...errorEvidence, sentAs, evidence('profile', 'Send parameters as', placement)],
    fix: 'Set Send parameters as to Form body (application/x-www-form-urlencoded, as RFC 6749 defines it) and press Get token. The platform’s examples also send multipart and query forms, but a server that reads only form bodies then finds no grant_type or no credentials.',
    severity: 'error',
  };
}

/** invalid_request on a refresh: the refresh token or the client authentication of the refresh. */
export function refreshInvalidRequest(
  errorEvidence: Evidence[],
  profile: DiagnosisProfile,
): Finding {
  return {
    id: 'token.refresh-invalid-request',
    title: 'The server refused the refresh request as malformed (invalid_request)',
    evidence: [
      ...errorEvidence,
      evidence('request', 'grant_type', 'refresh_token'),
      evidence('profile', 'Authentication method', profile.authMethod),
    ],
    fix: `A refresh sends the refresh token and authenticates the client the same way as the sign-in (the Authentication method of the client under ${APPLICATIONS}); error_description names what the server missed. If the refresh token is missing or damaged, press Get token to sign in again and get a new one.`,
    severity: 'error',
  };
}

/** unauthorized_scope (not in RFC 6749, seen from real servers): the client may not ask for it. */
export function unauthorizedScope(errorEvidence: Evidence[], requested: string[]): Finding {
  return {
    id: 'token.unauthorized-scope',
    title: 'The client may not ask for a requested scope (unauthorized_scope)',
    evidence: [...errorEvidence, evidence('scopes', 'requested', requested.join(' ') || '(none)')],
    fix: `Open the client under ${APPLICATIONS}, Define scopes, tick the scopes this profile asks for and save, or untick the scopes here that the client does not have; the scope probe asks scope by scope. A scope only opens an API: the client also needs permissions on the service under Admin & Settings > Permissions.`,
    severity: 'error',
  };
}

/** Any other invalid_request: the server names the parameter in error_description. */
export function invalidRequest(errorEvidence: Evidence[]): Finding {
  return {
    id: 'token.invalid-request',
    title: 'The server found the token request malformed (invalid_request)',
    evidence: errorEvidence,
    fix: 'error_description usually names the parameter the server missed or could not read. Compare it with the request in the wire view: Token URL, grant type and Send parameters as.',
    severity: 'error',
  };
}
