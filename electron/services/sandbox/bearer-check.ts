import { createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';
import { SIGNING_ALG } from './sandbox-keys';

/** The platform's text answer to an Authorization header it cannot read (celonis-facts.md). */
export const MALFORMED_AUTHORIZATION_MESSAGE =
  'Invalid "Authorization" header format. Should start either with "Bearer " or "AppKey " (case insensitive).';

export type AuthorizationHeader =
  | { kind: 'missing' }
  | { kind: 'malformed' }
  | { kind: 'bearer'; token: string }
  | { kind: 'appKey'; key: string };

export function parseAuthorizationHeader(value: string | undefined): AuthorizationHeader {
  if (value === undefined || value.trim() === '') return { kind: 'missing' };
  const lower = value.toLowerCase();
  if (lower.startsWith('bearer ')) return { kind: 'bearer', token: value.slice(7).trim() };
  if (lower.startsWith('appkey ')) return { kind: 'appKey', key: value.slice(7).trim() };
  return { kind: 'malformed' };
}

export interface VerifiedToken {
  tokenId: string;
  clientId: string;
  subject: string;
  scopes: ReadonlySet<string>;
  /** Epoch seconds. */
  expiresAt: number;
}

export type TokenCheck =
  { ok: true; token: VerifiedToken } | { ok: false; reason: 'expired' | 'invalid' };

export interface TokenVerifierOptions {
  issuer: string;
  /** The resource the sandbox's access tokens are issued for. */
  audience: string;
  publicJwks: { keys: JWK[] };
  /** Epoch milliseconds; tests pass their own clock to see tokens expire. */
  now?: () => number;
}

/**
 * Checks an access token the way a resource server does: signature with the sandbox's own keys,
 * issuer, audience, type (at+jwt, RFC 9068) and expiry. The sandbox issues only JWT access
 * tokens, so anything else is not valid.
 */
export function createTokenVerifier(
  options: TokenVerifierOptions,
): (token: string) => Promise<TokenCheck> {
  const keys = createLocalJWKSet(options.publicJwks);
  const now = options.now ?? Date.now;

  return async (token) => {
    if (token === '') return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [SIGNING_ALG],
        typ: 'at+jwt',
        currentDate: new Date(now()),
        clockTolerance: 0,
      });
      const { jti, client_id: clientId, sub, scope, exp } = payload;
      if (typeof jti !== 'string' || typeof clientId !== 'string' || typeof exp !== 'number') {
        return { ok: false, reason: 'invalid' };
      }
      return {
        ok: true,
        token: {
          tokenId: jti,
          clientId,
          subject: typeof sub === 'string' ? sub : clientId,
          scopes: new Set(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []),
          expiresAt: exp,
        },
      };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  };
}
