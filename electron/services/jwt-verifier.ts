import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWK,
} from 'jose';
import {
  JWT_CLOCK_TOLERANCE_SECONDS,
  looksLikeJwt,
  notVerified,
  opaqueToken,
  timeClaimProblem,
  verified,
  type JwtCheck,
} from '../../shared/client-check/jwt-check';
import type { WireRequest } from '../../shared/wire';
import type { SendOutcome } from './http-client';

export interface JwtVerifyInput {
  token: string;
  /** The discovery document that answered (its `jwks_uri` and `issuer` are read from it). */
  discoveryUrl: string | null;
  /** The token response's Date header: the server's clock. */
  serverDate: string | null;
  /** Audiences that count as this client's: client ID, team origin, issuer. */
  audiences: string[];
}

export interface JwtVerifierDeps {
  /** A GET through the one HttpTransport (timeout, proxy, CA settings, cancellation). */
  get: (url: string, signal: AbortSignal) => Promise<SendOutcome>;
  now: () => number;
}

async function getJson(
  deps: JwtVerifierDeps,
  url: string,
  signal: AbortSignal,
): Promise<{ json: Record<string, unknown> } | { problem: string }> {
  const outcome = await deps.get(url, signal);
  if (!outcome.response) return { problem: `${url} did not answer (${outcome.failure.title}).` };
  if (outcome.response.status !== 200) {
    return { problem: `${url} answered ${outcome.response.status}.` };
  }
  try {
    const json: unknown = JSON.parse(outcome.response.bodyText);
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      return { json: json as Record<string, unknown> };
    }
  } catch {
    // fall through
  }
  return { problem: `${url} is not a JSON object.` };
}

/**
 * Verifies a JWT's signature with jose against the keys at the discovered `jwks_uri`, and checks
 * iss, aud (where present), exp, nbf and iat against the server's clock. Both documents are
 * fetched through the one HTTP layer; a token that is not a JWT stays opaque.
 */
export async function verifyJwt(
  deps: JwtVerifierDeps,
  input: JwtVerifyInput,
  signal: AbortSignal,
): Promise<JwtCheck> {
  if (!looksLikeJwt(input.token)) return opaqueToken();
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(input.token);
    claims = decodeJwt(input.token);
  } catch {
    return opaqueToken();
  }
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const checks: JwtCheck['checks'] = [
    { label: 'alg', value: String(header.alg ?? '(none)') },
    { label: 'kid', value: kid ?? '(none)' },
  ];
  if (!input.discoveryUrl)
    return notVerified('no discovery document, so no jwks_uri.', { kid, checks });
  const doc = await getJson(deps, input.discoveryUrl, signal);
  if ('problem' in doc) return notVerified(doc.problem, { kid, checks });
  const issuer = typeof doc.json.issuer === 'string' ? doc.json.issuer : null;
  const jwksUri = typeof doc.json.jwks_uri === 'string' ? doc.json.jwks_uri : null;
  if (!jwksUri) return notVerified('discovery announces no jwks_uri.', { kid, issuer, checks });
  checks.push({ label: 'jwks_uri', value: jwksUri });
  const jwks = await getJson(deps, jwksUri, signal);
  if ('problem' in jwks) return notVerified(jwks.problem, { kid, issuer, checks });
  const keys = Array.isArray(jwks.json.keys) ? (jwks.json.keys as JWK[]) : null;
  if (!keys) return notVerified(`${jwksUri} holds no "keys" array.`, { kid, issuer, checks });

  const dated = input.serverDate ? Date.parse(input.serverDate) : NaN;
  const nowMs = Number.isFinite(dated) ? dated : deps.now();
  checks.push({
    label: 'clock',
    value: Number.isFinite(dated)
      ? `server Date ${new Date(dated).toISOString()}`
      : 'local clock (no Date header)',
  });
  const timeProblem = timeClaimProblem(claims, Math.floor(nowMs / 1000));
  if (timeProblem) return notVerified(timeProblem, { kid, issuer, checks });
  if (issuer && claims.iss !== issuer) {
    return notVerified(`iss is ${String(claims.iss ?? '(none)')}, the issuer is ${issuer}.`, {
      kid,
      issuer,
      checks,
    });
  }
  if (claims.aud !== undefined) {
    const auds = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const wanted = new Set(input.audiences.flatMap((a) => [a, a.replace(/\/+$/, '')]));
    checks.push({ label: 'aud', value: auds.join(' ') });
    if (!auds.some((a) => wanted.has(a) || wanted.has(a.replace(/\/+$/, '')))) {
      return notVerified(`aud ${auds.join(' ')} is neither this client nor this team.`, {
        kid,
        issuer,
        checks,
      });
    }
  }
  try {
    await jwtVerify(input.token, createLocalJWKSet({ keys }), {
      ...(issuer ? { issuer } : {}),
      currentDate: new Date(nowMs),
      clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
    });
  } catch (err) {
    const reason =
      err instanceof errors.JWKSNoMatchingKey
        ? `no key${kid ? ` with kid ${kid}` : ''} at ${jwksUri} matches the token.`
        : err instanceof errors.JWSSignatureVerificationFailed
          ? "the signature does not match the issuer's key."
          : `${err instanceof Error ? err.message : 'verification failed'}.`;
    return notVerified(reason, { kid, issuer, checks });
  }
  return verified(kid, issuer ?? String(claims.iss ?? jwksUri), checks);
}

/** A plain GET of a JSON document (discovery, JWKS). */
export function jsonGet(url: string): WireRequest {
  return { method: 'GET', url, headers: [['Accept', 'application/json']] };
}
