import type { WireLayout } from './structured-wire';
import type { SecretStorage } from './profile';
import type { Failure, WireRequest, WireResponse } from './wire';
import type { EndpointSource, RenewalState } from './grant-results';
import type { BodyInfo } from './body-pages';
import type { Finding } from './diagnosis/finding';

/** A token as the renderer sees it. The access token is shown to the user, the secret never. */
export interface TokenView {
  profileId: string;
  accessToken: string;
  tokenType: string;
  /** `expires_in` from the response, seconds; null when the server sent none. */
  expiresIn: number | null;
  /** When the response arrived (ms since epoch, main-process clock). */
  receivedAt: number;
  requestedScopes: string[];
  /** Scopes in the response's `scope`; when the server sent no `scope`, the requested ones. */
  grantedScopes: string[];
  /** True when the response carried a `scope` member. */
  scopeReturned: boolean;
  /** Requested but not granted. */
  notGranted: string[];
  /** Origin this token may be sent to without asking. */
  origin: string;
  /** A refresh token is kept in the keychain for this profile (never sent to the renderer). */
  refreshAvailable?: boolean;
  /**
   * The server's `Date` minus this computer's clock at receipt, seconds; null without a Date
   * header. The rest of the expiry check (JWT `exp` against `expires_in`) is worked out where
   * the token is shown, from the token itself (shared/expiry-check.ts).
   */
  clockSkewSeconds?: number | null;
  /** Automatic renewal, as the main process schedules it. */
  renewal?: RenewalState;
}

export interface TokenResult {
  request: WireRequest | null;
  /** For client_secret_basic: the decoded `id:secret` with the secret masked. */
  basicDecoded?: string;
  /** Which kind of secret sits where in `request` (no values): history keeps it for Copy as curl. */
  wireLayout?: WireLayout;
  response: WireResponse | null;
  token: TokenView | null;
  failure: Failure | null;
  /** Why it failed and what to change; set by the handler for every token operation. */
  diagnosis?: Finding[];
  /** The history entry of this call (for Copy as curl). */
  callId?: string;
  /** The token endpoint the call went to, and where that address came from. */
  endpoint?: { url: string; source: EndpointSource };
}

export interface ApiResult {
  request: WireRequest | null;
  response: WireResponse | null;
  failure: Failure | null;
  /** Set when the URL's origin differs from the profile's and the user has not confirmed. */
  needsConfirmation: { targetOrigin: string; profileOrigin: string } | null;
  diagnosis: Finding[];
  /** The whole body, kept in the main process and read in pages. */
  body?: BodyInfo | null;
  /** The history entry of this call (for Copy as curl). */
  callId?: string;
}

import type { Settings } from './settings';
export type { Settings };

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  dataDir: string;
  secretStorage: SecretStorage;
  /** Why the keychain is not used, when it is not. */
  keychainProblem: string | null;
  settings: Settings;
  sandboxUrl: string | null;
  /** What opening the data file found (a damaged file set aside, a newer version's file). */
  storeNotices?: string[];
}
