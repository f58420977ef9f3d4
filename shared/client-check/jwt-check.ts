/** JWT signature check: "Signature verified with key <kid> of <issuer>" or "Not verified: <reason>". */
export interface JwtCheck {
  status: 'verified' | 'not-verified' | 'opaque';
  /** The one line the app, the reports and the command line show. */
  line: string;
  kid: string | null;
  issuer: string | null;
  /** Claims checked, each with what was found (never the token itself). */
  checks: { label: string; value: string }[];
}

/** Three base64url segments: worth decoding as a JWT. Anything else stays opaque. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

export function opaqueToken(): JwtCheck {
  return {
    status: 'opaque',
    line: 'Opaque token: not a JWT, so there is no signature to check (the server vouches for it).',
    kid: null,
    issuer: null,
    checks: [],
  };
}

export function notVerified(reason: string, partial: Partial<JwtCheck> = {}): JwtCheck {
  return {
    status: 'not-verified',
    line: `Not verified: ${reason}`,
    kid: partial.kid ?? null,
    issuer: partial.issuer ?? null,
    checks: partial.checks ?? [],
  };
}

export function verified(kid: string | null, issuer: string, checks: JwtCheck['checks']): JwtCheck {
  return {
    status: 'verified',
    line: `Signature verified with key ${kid ?? '(no kid)'} of ${issuer}`,
    kid,
    issuer,
    checks,
  };
}

/** Seconds of clock difference tolerated for exp, nbf and iat. */
export const JWT_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Time claims against the server's clock (its Date header, or the local clock without one):
 * null when they hold, else the reason.
 */
export function timeClaimProblem(
  claims: { exp?: unknown; nbf?: unknown; iat?: unknown },
  nowSeconds: number,
): string | null {
  const t = JWT_CLOCK_TOLERANCE_SECONDS;
  if (claims.exp !== undefined && typeof claims.exp !== 'number') return 'exp is not a number.';
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds - t) {
    return `the token expired at ${new Date(claims.exp * 1000).toISOString()} (exp), by the server's clock.`;
  }
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + t) {
    return `the token is not valid before ${new Date(claims.nbf * 1000).toISOString()} (nbf).`;
  }
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + t) {
    return `the token was issued in the future (iat ${new Date(claims.iat * 1000).toISOString()}).`;
  }
  return null;
}
