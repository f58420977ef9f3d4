import type { ServerResponse } from 'node:http';
import type { RateDecision } from './rate-limiter';

// Error bodies exactly as the platform sends them (celonis-facts.md, "Errors the platform returns").

export const UNAUTHORIZED_BODY = { error: 'Unauthorized' } as const;

export const ACCESS_DENIED_BODY = {
  title: 'Access Denied.',
  status: 403,
  detail: 'Access is denied',
  errorCode: 'ADMIN_ACCESS_ERROR',
} as const;

export const RATE_LIMITED_BODY = {
  title: 'Rate limit exceeded',
  status: 429,
  detail: 'Too many requests',
  errorCode: 'LIMIT_RATE_EXCEEDED',
} as const;

export const NOT_FOUND_BODY = {
  title: 'Not Found',
  status: 404,
  detail: 'No such endpoint in the sandbox',
  errorCode: 'NOT_FOUND',
} as const;

export type Headers = Record<string, string>;

export function rateLimitHeaders(decision: RateDecision): Headers {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetSeconds),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Headers = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Headers = {}) {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
  });
  res.end(body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}) {
  res.writeHead(status, { ...headers, 'content-length': '0', 'cache-control': 'no-store' });
  res.end();
}
