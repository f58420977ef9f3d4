import type { Failure, WireRequest, WireResponse } from './wire';

/** What the server announces about itself, as far as getting tokens is concerned. */
export interface ServerMetadata {
  issuer: string | null;
  authorizationEndpoint: string | null;
  tokenEndpoint: string | null;
  deviceAuthorizationEndpoint: string | null;
  grantTypes: string[];
  authMethods: string[];
  pkceMethods: string[];
  scopes: string[];
}

export type EndpointSource = 'discovery' | 'conventional' | 'profile';

export interface ResolvedEndpoint {
  url: string | null;
  source: EndpointSource;
}

export interface DiscoveryView {
  /** Each metadata URL tried, in order, with what came back. */
  attempts: { url: string; status: number | null; outcome: string }[];
  /** The document that answered, or null when none did. */
  foundAt: string | null;
  metadata: ServerMetadata | null;
  endpoints: {
    authorization: ResolvedEndpoint;
    token: ResolvedEndpoint;
    deviceAuthorization: ResolvedEndpoint;
  };
  /** Plain-words notes, e.g. "no discovery document: using /oauth2/authorize". */
  notes: string[];
}

export interface AuthorizationStart {
  attemptId: string;
  authorizationUrl: string;
  redirectUri: string;
  /** When the loopback receiver stops waiting (ms since epoch). */
  expiresAt: number;
  /** True when the main process opened the system browser itself (Electron). */
  openedExternally: boolean;
  discovery: DiscoveryView;
}

export interface DeviceStart {
  attemptId: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  /** Seconds between polls, as announced (5 when the server says nothing). */
  interval: number;
  /** When the device code stops working (ms since epoch). */
  expiresAt: number;
  openedExternally: boolean;
}

export type ScopeVerdict = 'granted' | 'rejected' | 'dropped' | 'undecided';

export interface ScopeProbeRow {
  /** The scopes asked for in this one request. */
  scopes: string[];
  /** Per asked scope. */
  verdicts: { scope: string; verdict: ScopeVerdict }[];
  /** Server's words when it refused: `error` and `error_description`. */
  error: string | null;
  errorDescription: string | null;
  grantedScopes: string[];
  status: number | null;
  /** Times a 429 made the probe wait and ask again. */
  retriedAfter429: number;
  request: WireRequest | null;
  response: WireResponse | null;
  failure: Failure | null;
}

export type MethodVariant = 'basic-rfc6749' | 'basic-raw' | 'post';

export interface MethodProbeRow {
  variant: MethodVariant;
  label: string;
  verdict: 'accepted' | 'rejected' | 'undecided';
  /** Why: token issued, or the error the server gave. */
  detail: string;
  request: WireRequest | null;
  basicDecoded?: string;
  response: WireResponse | null;
  failure: Failure | null;
}

export interface RenewalState {
  enabled: boolean;
  leadSeconds: number;
  status: 'off' | 'scheduled' | 'renewing' | 'failed' | 'stopped';
  /** When the next renewal runs (ms since epoch). */
  nextAt: number | null;
  /** The last failure, in words; shown once, cleared by the next success. */
  lastFailure: string | null;
  lastRenewedAt: number | null;
}

export interface ExpiryCheck {
  /** Decoded JWT header and claims: NOT verified (no signature check). */
  jwt: { header: Record<string, unknown>; claims: Record<string, unknown> } | null;
  /** `exp` minus (receipt + expires_in), seconds; null when either is missing. */
  expDeltaSeconds: number | null;
  /** Server `Date` minus local clock at receipt, seconds; null without a Date header. */
  clockSkewSeconds: number | null;
  warnings: string[];
}
