import type { ExpiryCheck } from './grant-results';
import { decodeJwtClaims } from './jwt-claims';

/** Disagreements up to this many seconds are normal (network time, rounding). */
export const EXPIRY_TOLERANCE_SECONDS = 5;

function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * Cross-checks a token's lifetime: the JWT `exp` (decoded, NOT verified) against `expires_in`
 * measured at receipt, and the server's `Date` header against the local clock.
 */
export function checkExpiry(input: {
  accessToken: string;
  expiresIn: number | null;
  receivedAtMs: number;
  dateHeader: string | null;
}): ExpiryCheck {
  const warnings: string[] = [];
  let jwt: ExpiryCheck['jwt'] = null;
  if (looksLikeJwt(input.accessToken)) {
    // Decoded in one light pass (this runs on every token a call receives): header and claims
    // must both be JSON objects, as jose's decoders require, or the token counts as opaque.
    const decoded = decodeJwtClaims(input.accessToken);
    jwt = decoded && { header: decoded.header, claims: decoded.payload };
  }
  let clockSkewSeconds: number | null = null;
  const serverMs = input.dateHeader ? Date.parse(input.dateHeader) : NaN;
  if (Number.isFinite(serverMs)) {
    // Date has one-second resolution: compare whole seconds.
    clockSkewSeconds = Math.round(serverMs / 1000 - Math.floor(input.receivedAtMs / 1000));
    if (Math.abs(clockSkewSeconds) > EXPIRY_TOLERANCE_SECONDS) {
      warnings.push(
        `The server's clock (Date header) is ${Math.abs(clockSkewSeconds)} s ${clockSkewSeconds > 0 ? 'ahead of' : 'behind'} this computer's: tokens may look valid here and be expired there.`,
      );
    }
  }
  let expDeltaSeconds: number | null = null;
  const exp = jwt?.claims.exp;
  if (typeof exp === 'number' && input.expiresIn !== null) {
    const byExpiresIn = input.receivedAtMs / 1000 + input.expiresIn;
    // exp is on the server's clock; take the measured skew out before comparing.
    expDeltaSeconds = Math.round(exp - (clockSkewSeconds ?? 0) - byExpiresIn);
    if (Math.abs(expDeltaSeconds) > EXPIRY_TOLERANCE_SECONDS) {
      warnings.push(
        `The token's exp claim and expires_in disagree by ${Math.abs(expDeltaSeconds)} s: exp says it expires ${expDeltaSeconds > 0 ? 'later' : 'earlier'} than expires_in. The countdown follows expires_in.`,
      );
    }
  }
  return { jwt, expDeltaSeconds, clockSkewSeconds, warnings };
}
