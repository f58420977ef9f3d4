import { headerValue } from '../wire';
import { evidence, type Evidence, type Finding } from './finding';
import type {
  DiagnosisCall,
  DiagnosisProfile,
  DiagnosisToken,
  MethodEvidence,
  SinceLastToken,
} from './inputs';
import { methodFindings } from './method-evidence';
import { looksLikeHtml, networkFindings } from './network-rules';
import { sinceLastTokenFinding } from './since-last-token';
import {
  invalidRequest,
  placementFinding,
  refreshInvalidRequest,
  sentGrantType,
  sentPlacement,
  unauthorizedScope,
} from './token-request-rules';

export interface TokenDiagnosisInput extends DiagnosisCall {
  token: DiagnosisToken | null;
  profile: DiagnosisProfile;
  requestedScopes: string[];
  /** The method probe's verdicts and discovery's list of methods, when known. */
  methodEvidence?: MethodEvidence;
  /** The last call that got this profile a token, beside this one (this run). */
  sinceLastToken?: SinceLastToken;
}

const APPLICATIONS = 'Admin & Settings > Applications';

function errorEvidence(input: TokenDiagnosisInput): Evidence[] {
  const out: Evidence[] = [];
  const { response, failure } = input;
  if (response)
    out.push(evidence('status', 'status', `${response.status} ${response.statusText}`.trim()));
  if (failure?.error) out.push(evidence('body', 'error', failure.error));
  if (failure?.errorDescription)
    out.push(evidence('body', 'error_description', failure.errorDescription));
  const challenge = response ? headerValue(response.headers, 'www-authenticate') : null;
  if (challenge) out.push(evidence('header', 'WWW-Authenticate', challenge));
  return out;
}

/** How the request authenticated the client, read from what was sent. */
function sentMethod(
  input: TokenDiagnosisInput,
): 'client_secret_basic' | 'client_secret_post' | null {
  const req = input.request;
  if (!req) return null;
  if (/^basic /i.test(headerValue(req.headers, 'authorization') ?? ''))
    return 'client_secret_basic';
  if (req.body && /client_secret/.test(req.body.text)) return 'client_secret_post';
  return null;
}

function invalidClient(input: TokenDiagnosisInput): Finding[] {
  const method = sentMethod(input) ?? input.profile.authMethod;
  const out: Finding[] = [
    {
      id: 'token.invalid-client',
      title: 'The token endpoint did not accept the client (invalid_client)',
      evidence: errorEvidence(input),
      fix: `Check Client ID and Client secret against the client under ${APPLICATIONS} (after Regenerate secret the old secret stops working). If both are right, run the method probe: it tries client_secret_basic in both encodings and client_secret_post, and says which one the server accepts.`,
      severity: 'error',
    },
  ];
  if (method === 'none') {
    out.push({
      id: 'token.auth-method',
      title: 'The client may be confidential: it needs its secret',
      evidence: [evidence('profile', 'Authentication method', 'none (public client)')],
      fix: `Only public clients (PKCE) authenticate without a secret. If the client under ${APPLICATIONS} has a secret, set Authentication method to client_secret_basic or client_secret_post and enter the Client secret.`,
      severity: 'warning',
    });
    return out;
  }
  const evidenced = methodFindings(method, input.profile, input.methodEvidence);
  out.push(...evidenced);
  if (
    method === 'client_secret_basic' &&
    input.profile.credentialsChangeWhenEncoded &&
    !evidenced.some((f) => f.id === 'token.basic-encoding')
  ) {
    out.push(basicEncodingFinding(input, 'warning'));
  }
  return out;
}

function basicEncodingFinding(input: TokenDiagnosisInput, severity: Finding['severity']): Finding {
  const current = input.profile.basicEncoding === 'rfc6749' ? 'RFC 6749' : 'Raw';
  const other = input.profile.basicEncoding === 'rfc6749' ? 'Raw' : 'RFC 6749';
  return {
    id: 'token.basic-encoding',
    title: 'Basic encoding of the client ID or secret',
    evidence: [
      ...errorEvidence(input),
      evidence('profile', 'Basic encoding', current),
      ...(input.profile.credentialsChangeWhenEncoded
        ? [
            evidence(
              'profile',
              'credentials',
              'the client ID or secret holds a character (+ / = : % or a space) that RFC 6749 encoding changes',
            ),
          ]
        : []),
    ],
    fix: `Servers disagree on whether id and secret are form-encoded before base64 (RFC 6749 §2.3.1). Set Basic encoding to ${other} and press Get token; the wire view shows the decoded value (secret masked). client_secret_post avoids the question altogether, if the client is registered for it.`,
    severity,
  };
}

/** Findings for a token endpoint call: why it failed, and what to change. */
export function diagnoseToken(input: TokenDiagnosisInput): Finding[] {
  const { failure, response, token } = input;
  const out: Finding[] = [...networkFindings(failure, response)];
  const error = failure?.error;
  const description = failure?.errorDescription ?? '';

  // Parameters in a multipart body or the URL that the server did not read: say so first.
  const placement = sentPlacement(input.request, input.profile);
  // A 400 without an OAuth error (e.g. application/problem+json) is read the same way.
  const misread =
    error === 'invalid_request' ||
    error === 'unsupported_grant_type' ||
    (error === undefined && response?.status === 400);
  const placed = misread ? placementFinding(placement, errorEvidence(input), input.request) : null;
  if (placed) out.unshift(placed);

  if (error === 'invalid_client') out.push(...invalidClient(input));
  if (error === 'invalid_request') {
    if (/(not properly encoded|authorization header)/i.test(description))
      out.push(basicEncodingFinding(input, 'error'));
    else if (sentGrantType(input.request) === 'refresh_token')
      out.push(refreshInvalidRequest(errorEvidence(input), input.profile));
    else if (!placed) out.push(invalidRequest(errorEvidence(input)));
  }
  if (error === 'invalid_scope') {
    out.push({
      id: 'token.invalid-scope',
      title: 'A requested scope is not defined on the client (invalid_scope)',
      evidence: [
        ...errorEvidence(input),
        evidence('scopes', 'requested', input.requestedScopes.join(' ') || '(none)'),
      ],
      fix: `Open the client under ${APPLICATIONS}, Define scopes, tick the scopes this profile asks for and save; or untick the scopes here that the client does not have. The scope probe asks scope by scope.`,
      severity: 'error',
    });
  }
  if (error === 'unauthorized_scope')
    out.push(unauthorizedScope(errorEvidence(input), input.requestedScopes));
  if (error === 'unauthorized_client' || error === 'unsupported_grant_type') {
    out.push({
      id: 'token.grant-not-enabled',
      title: `The grant type ${placed ? 'may not be' : 'is not'} enabled on the client (${error})`,
      evidence: [
        ...errorEvidence(input),
        evidence('profile', 'Grant type', input.profile.grantType),
      ],
      fix: `Check the client's grant type under ${APPLICATIONS} (Client credentials for server-to-server, Authorization code for a user sign-in) and set the same Grant type on this profile.`,
      severity: placed ? 'warning' : 'error',
    });
  }
  if (error === 'invalid_grant') {
    out.push({
      id: 'token.invalid-grant',
      title: 'The code or refresh token was not accepted (invalid_grant)',
      evidence: errorEvidence(input),
      fix: 'The authorization code or refresh token is invalid, expired, already used, or belongs to another client, or the consent was revoked under Edit Profile > OAuth Client Management. Sign in again.',
      severity: 'error',
    });
  }
  if (response && failure?.kind === 'not-json' && looksLikeHtml(response)) {
    out.push({
      id: 'token.html',
      title: 'HTML came back instead of JSON',
      evidence: [
        evidence('status', 'status', `${response.status} ${response.statusText}`.trim()),
        evidence('header', 'Content-Type', response.contentType ?? '(none)'),
        ...(input.request ? [evidence('request', 'Token URL', input.request.url)] : []),
      ],
      fix: 'The Token URL points at a web page: a login page, a proxy or captive portal, or the wrong host. It should be https://<team>.<cluster>.celonis.cloud/oauth2/token; behind a proxy, set it under Settings.',
      severity: 'error',
    });
  }
  if (token && token.notGranted.length > 0) {
    out.push({
      id: 'token.scopes-not-granted',
      title: 'Some requested scopes were not granted',
      evidence: [
        evidence('scopes', 'requested', token.requestedScopes.join(' ')),
        evidence('scopes', 'granted (response scope)', token.grantedScopes.join(' ') || '(none)'),
        evidence('scopes', 'not granted', token.notGranted.join(' ')),
      ],
      fix: `Calls that need ${token.notGranted.join(', ')} will get 403. Define those scopes on the client under ${APPLICATIONS}, then Get token again.`,
      severity: 'warning',
    });
  }
  // What changed since the last token (or that nothing did) comes first: the surest lead.
  const since = sinceLastTokenFinding(input.sinceLastToken, failure, response?.status ?? null);
  if (since) out.unshift(since);
  return out;
}
