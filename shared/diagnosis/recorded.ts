// Recorded responses for the diagnosis tests: the platform's bodies from celonis-facts.md
// ("Errors the platform returns") and RFC 6750 §3 challenges.
import type { Failure, WireRequest, WireResponse } from '../wire';

export function response(
  status: number,
  statusText: string,
  body: string,
  headers: [string, string][] = [],
  contentType: string | null = body ? 'application/json' : null,
): WireResponse {
  return {
    status,
    statusText,
    headers: contentType ? [['content-type', contentType], ...headers] : headers,
    bodyText: body,
    size: body.length,
    truncated: false,
    contentType,
    timings: { totalMs: 12 },
  };
}

export const PLATFORM = {
  unauthorized: '{"error":"Unauthorized"}',
  malformed:
    'Invalid "Authorization" header format. Should start either with "Bearer " or "AppKey " (case insensitive).',
  accessDenied:
    '{"title":"Access Denied.","status":403,"detail":"Access is denied","errorCode":"ADMIN_ACCESS_ERROR"}',
  rateLimited:
    '{"title":"Rate limit exceeded","status":429,"detail":"Too many requests","errorCode":"LIMIT_RATE_EXCEEDED"}',
};

export function apiRequest(
  url: string,
  authorization: string | null = 'Bearer ••••••',
): WireRequest {
  const headers: [string, string][] = [['Accept', 'application/json']];
  if (authorization) headers.push(['Authorization', authorization]);
  return { method: 'GET', url, headers };
}

export function oauthFailure(error: string, description?: string): Failure {
  return {
    step: 'token-endpoint',
    kind: 'oauth-error',
    title: `Token endpoint answered: ${error}`,
    message: description ?? '',
    hint: '',
    error,
    errorDescription: description,
  };
}
