/**
 * The one shape every third-party authorization server fixture has, so one test matrix runs over
 * all of them. Each fixture starts its server on 127.0.0.1 (port 0) and says, in `supports`, what
 * the package does and does not check: a test for an unsupported case asserts what the workbench
 * must then say instead of skipping.
 */
export interface InteropClient {
  id: string;
  secret: string;
}

export interface InteropServer {
  /** Package and version, used in test names. */
  name: string;
  /** What a user types as Base URL. */
  url: string;
  /** The real token endpoint (for the Token URL override). */
  tokenUrl: string;
  /** The real authorization endpoint. */
  authorizationUrl: string;
  /** How the server announces its endpoints. */
  discovery: 'openid-configuration' | 'rfc8414-issuer-path' | 'none';
  clients: {
    /** Letters, digits and dashes only: every encoding sends the same bytes. */
    plain: InteropClient;
    /** Client ID with `:` and `/`, secret with `+ / = % : ! space`. */
    special: InteropClient;
  };
  /** Scopes the clients are allowed, and one the server knows but the clients do not have. */
  scopes: { allowed: string[]; notOnClient: string };
  supports: PeerSupports;
  /** Makes every refresh token issued so far invalid (where the package supports it). */
  revokeRefreshTokens(): void;
  /** Every refresh token the server has handed out, as sent on the wire (for secret scans). */
  issuedRefreshTokens: string[];
  stop(): Promise<void>;
}

/** What a package checks; known before it starts, so test names can say it. */
export interface PeerSupports {
  /** The server refuses a wrong client secret. */
  checksSecret: boolean;
  /** The server refuses a scope the client does not have. */
  checksClientScopes: boolean;
  /** The server refuses a refresh token it did not issue or has revoked. */
  checksRefreshToken: boolean;
  /** Which Basic encodings of the special client's credentials the server decodes. */
  specialBasic: { rfc6749: boolean; raw: boolean };
}

/** The special client's secret: every character encoders disagree on. */
export const SPECIAL_SECRET = 'p+/=%:! q-Interop7';
/** The special client's ID: `:` and `/`. */
export const SPECIAL_CLIENT_ID = 'interop:team/reporting';
