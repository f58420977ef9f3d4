import { headerValue } from '../wire';
import { evidence, type Evidence, type Finding } from './finding';
import type { DiagnosisCall, DiagnosisProfile, DiagnosisToken } from './inputs';
import { looksLikeHtml, networkFindings } from './network-rules';

export interface TokenDiagnosisInput extends DiagnosisCall {
  token: DiagnosisToken | null;
  profile: DiagnosisProfile;
  requestedScopes: string[];
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

function otherMethod(m: DiagnosisProfile['authMethod']) {
  return m === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic';
}

function invalidClient(input: TokenDiagnosisInput): Finding[] {
  const method = sentMethod(input) ?? input.profile.authMethod;
  const out: Finding[] = [
    {
      id: 'token.invalid-client',
      title: 'The token endpoint did not accept the client (invalid_client)',
      evidence: errorEvidence(input),
      fix: `Check Client ID and Client secret against the client under ${APPLICATIONS} (after Regenerate secret the old secret stops working). If they are right, the authentication method or the Basic encoding is the likely cause (see below).`,
      severity: 'error',
    },
    {
      id: 'token.auth-method',
      title: `The client may be registered for ${otherMethod(method)}, not ${method}`,
      evidence: [
        evidence(
          'request',
          'sent as',
          method === 'client_secret_basic'
            ? 'Authorization: Basic (client_secret_basic)'
            : 'client_id and client_secret in the body (client_secret_post)',
        ),
        evidence('profile', 'Authentication method', input.profile.authMethod),
      ],
      fix: `A client accepts only the authentication method chosen when it was registered under ${APPLICATIONS}. Set Authentication method to ${otherMethod(method)} and press Get token, or run the method probe, which tries client_secret_basic and then client_secret_post.`,
      severity: 'warning',
    },
  ];
  if (method === 'none') {
    out[1] = {
      id: 'token.auth-method',
      title: 'The client may be confidential: it needs its secret',
      evidence: [evidence('profile', 'Authentication method', 'none (public client)')],
      fix: `Only public clients (PKCE) authenticate without a secret. If the client under ${APPLICATIONS} has a secret, set Authentication method to client_secret_basic or client_secret_post and enter the Client secret.`,
      severity: 'warning',
    };
  }
  if (method === 'client_secret_basic' && input.profile.credentialsChangeWhenEncoded) {
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

  if (error === 'invalid_client') out.push(...invalidClient(input));
  if (
    error === 'invalid_request' &&
    /(not properly encoded|authorization header)/i.test(description)
  ) {
    out.push(basicEncodingFinding(input, 'error'));
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
  if (error === 'unauthorized_client' || error === 'unsupported_grant_type') {
    out.push({
      id: 'token.grant-not-enabled',
      title: `The grant type is not enabled on the client (${error})`,
      evidence: [
        ...errorEvidence(input),
        evidence('profile', 'Grant type', input.profile.grantType),
      ],
      fix: `Check the client's grant type under ${APPLICATIONS} (Client credentials for server-to-server, Authorization code for a user sign-in) and set the same Grant type on this profile.`,
      severity: 'error',
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
  return out;
}
