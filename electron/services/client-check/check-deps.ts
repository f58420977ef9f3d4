import type { ClientCheckProgressEvent } from '../../../shared/events';
import type {
  ClientCheckResult,
  CheckFix,
  CheckStep,
} from '../../../shared/client-check/check-types';
import type { JwtCheck } from '../../../shared/client-check/jwt-check';
import type { DiscoveryView, MethodProbeRow, ScopeProbeRow } from '../../../shared/grant-results';
import type { StoredProfile } from '../../../shared/profile';
import type { ApiResult, TokenResult } from '../../../shared/results';
import type { SendOutcome } from '../http-client';
import type { JwtVerifyInput } from '../jwt-verifier';
import type { EvidenceMasker } from './check-evidence';

/** What the client check needs from the rest of the app: narrow functions, one deps object. */
export interface ClientCheckDeps {
  profile(profileId: string): StoredProfile;
  /** The profile's client secret, only to keep it out of the evidence. */
  secret(profileId: string): Promise<string | null>;
  /** Base URL in effect (starts the sandbox for a sandbox profile). */
  baseUrl(profile: StoredProfile): Promise<string | null>;
  /** `GET /` of the team address through the one HttpTransport. */
  fetchRoot(baseUrl: string, signal: AbortSignal): Promise<SendOutcome>;
  discover(profile: StoredProfile, signal: AbortSignal): Promise<DiscoveryView>;
  /** A POST without client credentials: does anything answer at the token endpoint? */
  pingTokenEndpoint(tokenUrl: string, signal: AbortSignal): Promise<SendOutcome>;
  probeAuthMethods(profileId: string, signal: AbortSignal): Promise<MethodProbeRow[]>;
  /** A token through the token pipeline (diagnosed, recorded, published). */
  getToken(
    profileId: string,
    scopes: string[] | undefined,
    signal: AbortSignal,
  ): Promise<TokenResult>;
  probeScope(profileId: string, scopes: string[], signal: AbortSignal): Promise<ScopeProbeRow>;
  /** One read-only GET of a team API with the profile's current token. */
  sendGet(profileId: string, path: string, signal: AbortSignal): Promise<ApiResult>;
  verifyJwt(input: JwtVerifyInput, signal: AbortSignal): Promise<JwtCheck>;
  publish(event: ClientCheckProgressEvent): void;
  /** The last result per profile (history). */
  saveResult(result: ClientCheckResult): void;
  now(): number;
}

/** What the steps learn and hand on, in order. */
export interface RunState {
  profile: StoredProfile;
  masker: EvidenceMasker;
  scopeProbe: boolean;
  baseUrl: string | null;
  rootAnswered: boolean;
  discovery: DiscoveryView | null;
  tokenUrl: string | null;
  tokenEndpointAnswers: boolean;
  /** False when the method probe found no accepted method (the token step then says so too). */
  authenticated: boolean | null;
  token: TokenResult | null;
  /** Scopes the scope probe found on the client; null when it did not run. */
  probedScopes: string[] | null;
}

/** What a step returns: its verdict and what shows it. */
export type StepOutcome = Pick<CheckStep, 'status' | 'reason'> &
  Partial<Pick<CheckStep, 'finding' | 'changes' | 'fixes' | 'facts' | 'exchanges' | 'rows'>>;

export type StepRunner = (
  state: RunState,
  deps: ClientCheckDeps,
  signal: AbortSignal,
) => Promise<StepOutcome>;

export type { CheckFix };
