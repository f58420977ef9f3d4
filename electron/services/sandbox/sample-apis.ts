import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ACCESS_DENIED_BODY,
  NOT_FOUND_BODY,
  RATE_LIMITED_BODY,
  UNAUTHORIZED_BODY,
  rateLimitHeaders,
  sendEmpty,
  sendJson,
  sendText,
} from './api-responses';
import {
  MALFORMED_AUTHORIZATION_MESSAGE,
  parseAuthorizationHeader,
  type TokenCheck,
  type VerifiedToken,
} from './bearer-check';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { sandboxCaseFor } from './sandbox-cases';
import {
  auditEvents,
  authenticationEvents,
  buckets,
  knowledgeModels,
  members,
  team,
} from './sample-data';

/** Path prefixes the sample APIs own; everything else goes to the authorization server. */
const API_PREFIXES = [
  '/api/',
  '/log/api/',
  '/intelligence/api/',
  '/platform-adoption/api/',
  '/storage-manager/api/',
];

export function isSampleApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

type ApiResult =
  | { status: number; json: unknown }
  /** A status with an empty body, as the platform answers for an API that is not enabled. */
  | { status: number; empty: true };

interface Endpoint {
  path: RegExp;
  /** The scope the token must carry; undefined: any valid token. */
  scope: string | undefined;
  rateLimit: RateLimit;
  respond(url: URL): ApiResult;
}

const DEFAULT_LIMIT: RateLimit = { limit: 600, windowSeconds: 60 };

function badRequest(detail: string): ApiResult {
  return {
    status: 400,
    json: { title: 'Bad Request', status: 400, detail, errorCode: 'BAD_REQUEST' },
  };
}

function readPageParam(url: URL, name: string, fallback: number, min: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    return `${name} must be an integer of at least ${min}`;
  }
  return value;
}

/** `pageNumber` (from 0) and `pageSize` (1 to 200, default 50), like the platform's v1 APIs. */
function page<T>(url: URL, items: readonly T[]): ApiResult {
  const pageNumber = readPageParam(url, 'pageNumber', 0, 0);
  const pageSize = readPageParam(url, 'pageSize', 50, 1);
  if (typeof pageNumber === 'string') return badRequest(pageNumber);
  if (typeof pageSize === 'string') return badRequest(pageSize);
  const size = Math.min(pageSize, 200);
  const content = items.slice(pageNumber * size, (pageNumber + 1) * size);
  return { status: 200, json: { content, pageNumber, pageSize: size, total: items.length } };
}

function endpoints(origin: string): Endpoint[] {
  return [
    {
      path: /^\/api\/external\/members$/,
      scope: 'team.user-group-info:read',
      rateLimit: DEFAULT_LIMIT,
      respond: (url) => page(url, members),
    },
    {
      path: /^\/api\/external\/authentication-events$/,
      scope: 'team.login-history:read',
      rateLimit: DEFAULT_LIMIT,
      respond: (url) => page(url, authenticationEvents),
    },
    {
      path: /^\/log\/api\/external\/audit$/,
      scope: 'audit.log:read',
      rateLimit: DEFAULT_LIMIT,
      respond: (url) => page(url, auditEvents),
    },
    {
      path: /^\/intelligence\/api\/knowledge-models$/,
      scope: 'intelligence.knowledge-models:read',
      // The platform documents 20 requests a second for the Knowledge Model API.
      rateLimit: { limit: 20, windowSeconds: 1 },
      respond: (url) => page(url, knowledgeModels),
    },
    {
      // Every sandbox client has the scope but no permission behind it: the case an admin fixes
      // under Admin & Settings > Permissions.
      path: /^\/api\/authorization\/external\/permissions$/,
      scope: 'authorization.permissions:read',
      rateLimit: DEFAULT_LIMIT,
      respond: () => ({ status: 403, json: ACCESS_DENIED_BODY }),
    },
    {
      // Models an API that is not enabled for the team: the platform answers 403 with no body.
      path: /^\/platform-adoption\/api\/external\/v2\/adoption-tracking-events\/[^/]+$/,
      scope: 'platform-adoption.tracking-events:read',
      rateLimit: DEFAULT_LIMIT,
      respond: () => ({ status: 403, empty: true }),
    },
    {
      // A deliberately tight limit, so rate limiting can be seen on the fourth call.
      path: /^\/storage-manager\/api\/buckets$/,
      scope: 'storage-manager.buckets',
      rateLimit: { limit: 3, windowSeconds: 60 },
      respond: (url) => {
        const feature = url.searchParams.get('feature');
        const list = feature ? buckets.filter((b) => b.features.includes(feature)) : buckets;
        return { status: 200, json: list };
      },
    },
    {
      path: /^\/api\/cloud\/team$/,
      scope: undefined,
      rateLimit: DEFAULT_LIMIT,
      respond: () => ({ status: 200, json: team(origin) }),
    },
  ];
}

function invalidTokenHeader(reason: 'expired' | 'invalid'): Record<string, string> {
  const description =
    reason === 'expired' ? 'The access token expired' : 'The access token is not valid';
  return {
    'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  };
}

export interface SampleApiOptions {
  /** The sandbox's origin, shown by /api/cloud/team. */
  origin: string;
  verifyToken: (token: string) => Promise<TokenCheck>;
  now?: () => number;
}

export type SampleApiHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => Promise<void>;

/**
 * The sample Celonis APIs. Checks run in the platform's order: Authorization header, token,
 * endpoint, scope, rate limit, then the endpoint's own answer. No response echoes the token.
 */
export function createSampleApiHandler(options: SampleApiOptions): SampleApiHandler {
  const table = endpoints(options.origin);
  const limiter = new RateLimiter(options.now);

  return async (req, res, url) => {
    const header = parseAuthorizationHeader(req.headers.authorization);
    if (header.kind === 'missing') return sendJson(res, 401, UNAUTHORIZED_BODY);
    if (header.kind === 'malformed') return sendText(res, 401, MALFORMED_AUTHORIZATION_MESSAGE);
    // The sandbox issues no API keys, so an AppKey is never valid here.
    if (header.kind === 'appKey') return sendJson(res, 401, UNAUTHORIZED_BODY);

    const check = await options.verifyToken(header.token);
    if (!check.ok) return sendJson(res, 401, UNAUTHORIZED_BODY, invalidTokenHeader(check.reason));

    const endpoint = table.find((candidate) => candidate.path.test(url.pathname));
    if (!endpoint) return sendJson(res, 404, NOT_FOUND_BODY);
    if (req.method !== 'GET') {
      return sendJson(
        res,
        405,
        { title: 'Method Not Allowed', status: 405, errorCode: 'METHOD_NOT_ALLOWED' },
        { allow: 'GET' },
      );
    }

    if (endpoint.scope && !check.token.scopes.has(endpoint.scope)) {
      // The platform documents no WWW-Authenticate header; the sandbox adds the RFC 6750 hint
      // so a client can tell a missing scope from a missing permission.
      return sendJson(res, 403, ACCESS_DENIED_BODY, {
        'www-authenticate': `Bearer error="insufficient_scope", scope="${endpoint.scope}"`,
      });
    }

    const sandboxCase = sandboxCaseFor(check.token.clientId);
    if (endpoint.scope && sandboxCase?.apiOff.includes(endpoint.scope))
      return sendEmpty(res, 403, {});
    if (endpoint.scope && sandboxCase?.noPermission.includes(endpoint.scope)) {
      return sendJson(res, 403, ACCESS_DENIED_BODY);
    }

    const decision = limiter.hit(rateKey(endpoint, check.token), endpoint.rateLimit);
    const limitHeaders = rateLimitHeaders(decision);
    if (!decision.allowed) {
      return sendJson(res, 429, RATE_LIMITED_BODY, {
        ...limitHeaders,
        'retry-after': String(decision.resetSeconds),
      });
    }

    const result = endpoint.respond(url);
    if ('empty' in result) return sendEmpty(res, result.status, limitHeaders);
    return sendJson(res, result.status, result.json, limitHeaders);
  };
}

function rateKey(endpoint: Endpoint, token: VerifiedToken): string {
  return `${endpoint.path.source} ${token.tokenId}`;
}
