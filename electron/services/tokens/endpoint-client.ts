import { randomBytes } from 'node:crypto';
import type { MethodEvidence } from '../../../shared/diagnosis/inputs';
import type { TokenAttempt } from '../../../shared/events';
import type { StoredProfile } from '../../../shared/profile';
import type { TokenResult, TokenView } from '../../../shared/results';
import { buildTokenRequest, type TokenRequestInput } from '../../../shared/token-request';
import { readTokenResponse, type ParsedToken } from '../../../shared/token-response';
import type { Failure, WireResponse } from '../../../shared/wire';
import type { HttpTransport } from '../http-transport';
import type { RefreshTokenStore } from '../refresh-token-store';
import type { MethodProbeMemory } from '../method-probe-memory';
import type { SecretRequestMemory } from '../secret-request-memory';
import type { AllMembers } from './all-members';
import type { BuiltRequests } from './built-requests';
import type { Clock } from './clock';
import type { CurrentTokens } from './current-tokens';
import type { LastTokenShapes } from './last-token-shapes';
import type { TokenCallRecorder } from './token-call-recorder';
import type { TokenContext } from './token-context';
import { maskRequestValues, maskTokenResponse, tokenView } from './token-reading';

/** What made a call: the triggers of TokenAttempt, or a probe (whose token is never kept). */
export type TokenTrigger = TokenAttempt['trigger'] | 'probe';

export interface TokenCall {
  ctx: TokenContext;
  /** grant_type first, then the grant's own parameters. */
  params: [string, string][];
  trigger: TokenTrigger;
  signal: AbortSignal;
  /** `current`: an issued token becomes the profile's token; `none`: probes, checks. */
  keep: 'current' | 'none';
  /** Single-use values sent in this call (code, verifier, refresh token, device code). */
  hidden?: string[];
  /** Another request shape than the profile's (the method probe sends each method). */
  shape?: Partial<Pick<StoredProfile, 'authMethod' | 'basicEncoding' | 'paramsAs'>>;
  /** Another secret than the saved one ("Secret regenerated" tries the new one). */
  secret?: string;
  /** The scopes this call asks for; the profile's by default. */
  requestedScopes?: readonly string[];
  /** Puts a failure in the grant's own words (e.g. a refused refresh). */
  reword?: (failure: Failure) => Failure;
  /** True for an answer that is only a step (a pending device poll): read, not recorded. */
  intermediate?: (failure: Failure | null) => boolean;
}

export interface TokenCallOutcome {
  result: TokenResult;
  /** The parsed answer (with refresh token) when a token was issued; main process only. */
  parsed: ParsedToken | null;
}

export interface EndpointClientDeps {
  http: HttpTransport;
  timeoutSeconds: () => number;
  recorder: TokenCallRecorder;
  tokens: CurrentTokens;
  refreshTokens: RefreshTokenStore;
  clock: Clock;
  /** Keeps each recorded call's structured request for Copy as curl with secrets (memory). */
  requests?: SecretRequestMemory;
  /** The last method probe per profile: evidence for the diagnosis of invalid_client. */
  methodProbes?: MethodProbeMemory;
  /** The last request built per profile, sent again when nothing changed. */
  built?: BuiltRequests;
  /** How the last call that got each profile a token was made: what changed since. */
  lastTokens?: LastTokenShapes;
}

/**
 * The one way to call a token endpoint. Each call takes the same steps: build the wire request
 * (shared builders), send it through the one HttpTransport, read the answer into a Result with
 * everything but the access token masked, diagnose it, record it in history, publish the state.
 */
export class EndpointClient {
  constructor(private readonly deps: EndpointClientDeps) {}

  async call(call: TokenCall): Promise<TokenCallOutcome> {
    const { ctx } = call;
    const profile = call.shape ? { ...ctx.profile, ...call.shape } : ctx.profile;
    const secret = call.secret ?? ctx.secret;
    const hidden = call.hidden ?? [];
    const requestedScopes = call.requestedScopes ?? ctx.profile.scopes;
    const input: TokenRequestInput = {
      tokenUrl: ctx.endpoint.url,
      clientId: profile.clientId,
      clientSecret: secret,
      authMethod: profile.authMethod,
      paramsAs: profile.paramsAs,
      basicEncoding: profile.basicEncoding,
      params: call.params,
    };
    if (profile.paramsAs === 'multipart') {
      input.multipartBoundary = `----TokenWorkbench${randomBytes(12).toString('hex')}`;
    }
    // The same request as last time for this profile is not built again (client credentials);
    // one carrying single-use values (code, refresh token, ...) always is, and is not kept.
    const built =
      hidden.length === 0 && this.deps.built
        ? this.deps.built.build(profile.id, input)
        : buildTokenRequest(input);
    const request = maskRequestValues(built.shown, hidden);
    const sent = await this.deps.http.send(built.wire, {
      timeoutSeconds: this.deps.timeoutSeconds(),
      signal: call.signal,
      step: 'token-endpoint',
    });
    let response: WireResponse | null = null;
    let token: TokenView | null = null;
    let failure: Failure | null = sent.failure;
    let parsed: ParsedToken | null = null;
    if (sent.response) {
      const read = readTokenResponse(sent.response);
      parsed = read.token;
      response = maskTokenResponse(sent.response, hidden);
      failure = read.failure;
      if (read.token) {
        token = tokenView(
          ctx,
          requestedScopes,
          read.token,
          sent.response,
          this.deps.clock.now(),
          call.keep === 'current'
            ? read.token.refreshToken !== null || this.deps.refreshTokens.has(profile.id)
            : false,
        );
      }
    }
    if (failure && call.reword) failure = call.reword(failure);
    const result: AllMembers<TokenResult> = {
      request,
      basicDecoded: built.basicDecodedShown || undefined,
      wireLayout: built.layout,
      response,
      token,
      failure,
      diagnosis: undefined,
      callId: undefined,
      endpoint: ctx.endpoint,
    };
    if (call.intermediate?.(result.failure)) {
      result.diagnosis = [];
      return { result, parsed };
    }

    const outcome = await this.settle(call, result, parsed);
    if (outcome.result.callId) this.deps.requests?.keep(outcome.result.callId, built.request);
    return outcome;
  }

  /**
   * Steps 5 to 7 for an outcome: diagnose, record in history, publish the state. `call` also
   * serves outcomes that never reached the wire (a sign-in refused at the callback).
   */
  async settle(
    call: Omit<TokenCall, 'params' | 'signal'>,
    result: TokenResult,
    parsed: ParsedToken | null = null,
  ): Promise<TokenCallOutcome> {
    const profile = call.shape ? { ...call.ctx.profile, ...call.shape } : call.ctx.profile;
    const secret = call.secret ?? call.ctx.secret;
    const requestedScopes = call.requestedScopes ?? call.ctx.profile.scopes;
    // The profile's own calls (not probes) are compared with its last token, then become it.
    const own = call.keep === 'current' && call.trigger !== 'probe' && result.request !== null;
    const lastTokens = own ? this.deps.lastTokens : undefined;
    const shape = lastTokens?.shapeOf(profile, secret, call.ctx.endpoint.url, requestedScopes);
    const at = this.deps.clock.now();
    const since =
      shape && result.failure
        ? lastTokens?.since(profile.id, shape, at, profile.sandbox)
        : undefined;
    const methodEvidence: AllMembers<MethodEvidence> = {
      probe: this.deps.methodProbes?.get(profile.id),
      discoveredAuthMethods: call.ctx.endpoint.authMethods,
    };
    const recorded = this.deps.recorder.record({
      profile,
      secret,
      requestedScopes,
      result,
      hidden: parsed?.refreshToken
        ? [...(call.hidden ?? []), parsed.refreshToken]
        : (call.hidden ?? []),
      methodEvidence,
      sinceLastToken: since,
      becameCurrent: own && result.token !== null,
    });
    if (shape && result.token) lastTokens?.remember(profile.id, shape, at);
    if (call.keep === 'current' && call.trigger !== 'probe') {
      // Only a refresh token to keep makes publishing wait (the keychain); else it is done now.
      const keeping = this.publish(call, recorded, parsed);
      if (keeping) await keeping;
    }
    return { result: recorded, parsed };
  }

  /** A call refused before anything was sent (no secret, no address): recorded and published. */
  async unsent(
    profile: StoredProfile,
    call: Pick<TokenCall, 'trigger' | 'keep'>,
    result: TokenResult,
  ): Promise<TokenResult> {
    const ctx = {
      profile,
      baseUrl: '',
      endpoint: { url: '', source: 'conventional' as const },
      secret: undefined,
    };
    return (await this.settle({ ...call, ctx }, result)).result;
  }

  /** Step 7. Returns a promise only when a refresh token is kept first (the keychain). */
  private publish(
    call: Omit<TokenCall, 'params' | 'signal'>,
    result: TokenResult,
    parsed: ParsedToken | null,
  ): Promise<void> | undefined {
    if (result.token && parsed?.refreshToken) {
      return this.deps.refreshTokens
        .set(call.ctx.profile.id, parsed.refreshToken)
        .then(() => this.announce(call, result));
    }
    this.announce(call, result);
    return undefined;
  }

  /** The new token (if any) becomes current; the attempt is recorded and the state published. */
  private announce(call: Omit<TokenCall, 'params' | 'signal'>, result: TokenResult): void {
    const profileId = call.ctx.profile.id;
    if (result.token) this.deps.tokens.accept(result.token, call.ctx.profile);
    const first = result.diagnosis?.[0] ?? null;
    const attempt: AllMembers<TokenAttempt> = {
      at: this.deps.clock.now(),
      trigger: call.trigger as TokenAttempt['trigger'],
      ok: result.token !== null,
      failure: result.failure,
      finding: result.token ? null : first,
      callId: result.callId,
      endpoint: result.endpoint,
    };
    this.deps.tokens.attempted(profileId, attempt, call.ctx.profile);
  }
}
