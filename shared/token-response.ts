import { parseScopeString } from './scope-string';
import { headerValue, type Failure, type WireResponse } from './wire';

export interface ParsedToken {
  accessToken: string;
  tokenType: string;
  expiresIn: number | null;
  scope: string[] | null;
  refreshToken: string | null;
}

/** What to change, in the platform's own words, for each RFC 6749 §5.2 error code. */
export const tokenErrorHints: Record<string, string> = {
  invalid_client:
    'The server did not accept the client credentials. Check Client ID and Client secret (after "Regenerate secret" under Admin & Settings > Applications the old one stops working), the Authentication method the client was registered with, and Basic encoding (RFC 6749 or Raw).',
  invalid_scope:
    'A requested scope is not defined on this client. Define it on the client under Admin & Settings > Applications (Define scopes), or untick it here.',
  unauthorized_client:
    'This client may not use this grant type. Check the Grant type of the client under Admin & Settings > Applications.',
  unsupported_grant_type:
    'The server does not support this grant type for this client. Check the Grant type of the client under Admin & Settings > Applications.',
  invalid_grant:
    'The authorization code or refresh token is invalid, expired, already used, or was issued to another client. Sign in again.',
  invalid_request:
    'The server found the request malformed. Check the Token URL and "Send parameters as"; the wire view shows exactly what was sent.',
  access_denied: 'The user or the server denied the request.',
};

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function looksLikeHtml(res: WireResponse): boolean {
  return (
    /html/i.test(res.contentType ?? '') || /^\s*<(!doctype|html|head|body)/i.test(res.bodyText)
  );
}

/**
 * A redirect (never followed: neither the request nor the secret went on) or a 429 without an
 * OAuth error object: named as what they are, with the server's Location / Retry-After.
 */
function redirectOrRateLimit(res: WireResponse, hasOAuthError: boolean): Failure | null {
  const step = 'token-endpoint' as const;
  if (res.status >= 300 && res.status < 400) {
    const location = headerValue(res.headers, 'location');
    return {
      step,
      kind: 'http-error',
      title: `Token endpoint redirected (${res.status})`,
      message: `It points to ${location ?? 'another address'}; redirects are not followed, so neither the request nor the secret went there.`,
      hint: 'Use the final address as Token URL (https, path /oauth2/token).',
    };
  }
  if (res.status === 429 && !hasOAuthError) {
    const retryAfter = headerValue(res.headers, 'retry-after');
    return {
      step,
      kind: 'http-error',
      title: 'Token endpoint answered 429 Too Many Requests',
      message: 'The server is rate-limiting token requests from this client.',
      hint: retryAfter
        ? `Wait ${/^\d+$/.test(retryAfter) ? `${retryAfter} s` : `until ${retryAfter}`} (Retry-After) before trying again.`
        : 'Wait a little before trying again; automatic renewal backs off by itself.',
    };
  }
  return null;
}

/** Reads a token endpoint response: a token, or a Failure that says what went wrong. */
export function readTokenResponse(
  res: WireResponse,
): { token: ParsedToken; failure: null } | { token: null; failure: Failure } {
  const json = tryJson(res.bodyText);
  const obj =
    json && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  const step = 'token-endpoint' as const;

  const special = redirectOrRateLimit(res, !!obj && typeof obj.error === 'string');
  if (special) return { token: null, failure: special };
  if (obj && typeof obj.error === 'string') {
    const description =
      typeof obj.error_description === 'string' ? obj.error_description : undefined;
    return {
      token: null,
      failure: {
        step,
        kind: 'oauth-error',
        title: `Token endpoint answered ${res.status}: ${obj.error}`,
        message: description ?? `The server returned error "${obj.error}" without a description.`,
        hint: tokenErrorHints[obj.error] ?? 'See the raw response for details.',
        error: obj.error,
        errorDescription: description,
      },
    };
  }
  if (!obj) {
    if (looksLikeHtml(res)) {
      return {
        token: null,
        failure: {
          step,
          kind: 'not-json',
          title: `HTML instead of JSON (${res.status})`,
          message: 'The token endpoint answered with an HTML page, not a token.',
          hint: 'The Token URL probably points at a login page, a proxy or the wrong host: it should be https://<team>.<cluster>.celonis.cloud/oauth2/token.',
        },
      };
    }
    return {
      token: null,
      failure: {
        step,
        kind: 'not-json',
        title: `Not JSON (${res.status} ${res.statusText})`.trim(),
        message: res.bodyText.trim()
          ? 'The token endpoint answered with something that is not JSON.'
          : 'The token endpoint answered with an empty body.',
        hint: 'Check the Token URL; the raw response below shows what came back.',
      },
    };
  }
  if (res.status < 200 || res.status >= 300 || typeof obj.access_token !== 'string') {
    return {
      token: null,
      failure: {
        step,
        kind: res.status >= 300 ? 'http-error' : 'bad-token-response',
        title:
          res.status >= 300
            ? `Token endpoint answered ${res.status} ${res.statusText}`.trim()
            : 'No access_token in the response',
        message:
          res.status >= 300
            ? 'The answer is JSON but not an OAuth error object.'
            : 'The response is JSON but carries no access_token.',
        hint: 'Check the Token URL; the raw response below shows what came back.',
      },
    };
  }
  const expires = obj.expires_in;
  const expiresIn =
    typeof expires === 'number' && Number.isFinite(expires)
      ? expires
      : typeof expires === 'string' && /^\d+$/.test(expires)
        ? Number(expires)
        : null;
  return {
    failure: null,
    token: {
      accessToken: obj.access_token,
      tokenType: typeof obj.token_type === 'string' ? obj.token_type : 'Bearer',
      expiresIn,
      scope: typeof obj.scope === 'string' ? parseScopeString(obj.scope) : null,
      refreshToken: typeof obj.refresh_token === 'string' ? obj.refresh_token : null,
    },
  };
}
