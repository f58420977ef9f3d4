import type { Finding } from './diagnosis/finding';
import type { WireLayout } from './structured-wire';
import type { Failure, WireRequest, WireResponse } from './wire';

/** What a re-send of an API call needs: the request as the user wrote it (no secret in it). */
export interface ResendRequest {
  method: string;
  url: string;
  headers: { name: string; value: string; enabled: boolean }[];
  body: string;
  auth: 'token' | 'apiKey' | 'none';
  apiKeyScheme: 'Bearer' | 'AppKey';
}

/** One line of the history list. */
export interface HistorySummary {
  id: string;
  at: number;
  profileId: string;
  profileName: string;
  kind: 'token' | 'api';
  method: string;
  url: string;
  status: number | null;
  /** `failed`: no response (network, prepare); `error`: a 4xx/5xx or an OAuth error. */
  outcome: 'ok' | 'error' | 'failed';
  durationMs: number | null;
  findings: number;
}

/** A history entry as persisted: every secret and token masked. */
export interface HistoryEntry extends HistorySummary {
  request: WireRequest | null;
  basicDecoded?: string;
  /** Which kind of secret sits where in `request`, without values (Copy as curl). */
  wireLayout?: WireLayout;
  response: WireResponse | null;
  failure: Failure | null;
  diagnosis: Finding[];
  resend: ResendRequest | null;
  /** A token call whose token became the profile's current one (not a probe or a check). */
  becameCurrent?: boolean;
}
