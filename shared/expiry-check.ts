import type { ExpiryCheck } from './grant-results';
import type { TokenView } from './results';
import { decodeJwtClaims } from './jwt-claims';

/** Disagreements up to this many seconds are normal (network time, rounding). */
export const EXPIRY_TOLERANCE_SECONDS = 5;

/**
 * The server's clock against this computer's when a token arrived: its `Date` header minus the
 * receipt time, in whole seconds (Date has one-second resolution); null without a usable header.
 * Measured by the main process at receipt, the only moment it can be; everything else about
 * the token's lifetime can be worked out later from the token itself (see checkExpiry).
 */
export function measureClockSkew(dateHeader: string | null, receivedAtMs: number): number | null {
  const serverMs = dateHeader ? Date.parse(dateHeader) : NaN;
  if (!Number.isFinite(serverMs)) return null;
  return Math.round(serverMs / 1000 - Math.floor(receivedAtMs / 1000));
}

function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * Cross-checks a token's lifetime: the JWT `exp` (decoded, NOT verified) against `expires_in`
 * measured at receipt, and the server's clock (the skew measured at receipt) against the local
 * one. Run where the token is shown, not on the token call's path: decoding the JWT there cost
 * the call about as much as its whole diagnosis, for a view that decodes the claims anyway.
 */
export function checkExpiry(input: {
  accessToken: string;
  expiresIn: number | null;
  receivedAtMs: number;
  clockSkewSeconds: number | null;
}): ExpiryCheck {
  const warnings: string[] = [];
  let jwt: ExpiryCheck['jwt'] = null;
  if (looksLikeJwt(input.accessToken)) {
    // Header and claims must both be JSON objects, as jose's decoders require, or the token
    // counts as opaque.
    const decoded = decodeJwtClaims(input.accessToken);
    jwt = decoded && { header: decoded.header, claims: decoded.payload };
  }
  const { clockSkewSeconds } = input;
  if (clockSkewSeconds !== null && Math.abs(clockSkewSeconds) > EXPIRY_TOLERANCE_SECONDS) {
    warnings.push(
      `The server's clock (Date header) is ${Math.abs(clockSkewSeconds)} s ${clockSkewSeconds > 0 ? 'ahead of' : 'behind'} this computer's: tokens may look valid here and be expired there.`,
    );
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

/** The expiry check of a token as the page has it (the skew measured by the main process). */
export function expiryCheckOf(token: TokenView): ExpiryCheck {
  return checkExpiry({
    accessToken: token.accessToken,
    expiresIn: token.expiresIn,
    receivedAtMs: token.receivedAt,
    // A token kept by an earlier version has none: its clock was not compared.
    clockSkewSeconds: token.clockSkewSeconds ?? null,
  });
}
