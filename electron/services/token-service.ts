import { randomBytes } from 'node:crypto';
import { checkExpiry } from '../../shared/expiry-check';
import { redactText } from '../../shared/mask';
import { effectiveBaseUrl, effectiveTokenUrl, type StoredProfile } from '../../shared/profile';
import type { RenewalState } from '../../shared/grant-results';
import type { TokenResult, TokenView } from '../../shared/results';
import { buildScopeString, missingScopes } from '../../shared/scope-string';
import { originOf } from '../../shared/team-url';
import { buildTokenRequest, type BuiltTokenRequest } from '../../shared/token-request';
import { readTokenResponse, type ParsedToken } from '../../shared/token-response';
import { headerValue, type Failure, type WireRequest, type WireResponse } from '../../shared/wire';
import type { HttpTransport } from './http-transport';
import type { ProfileService } from './profile-service';
import { RefreshTokenStore } from './refresh-token-store';
import type { RequestRegistry } from './request-registry';
import type { SandboxService } from './sandbox-service';
import { MemoryVault } from './secret-vault';
import type { SettingsService } from './settings-service';

export function prepareFailure(title: string, message: string, hint: string): TokenResult {
  const failure: Failure = { step: 'prepare', kind: 'invalid-input', title, message, hint };
  return { request: null, response: null, token: null, failure };
}

/** A profile with its addresses and secret resolved, ready for a call to the token endpoint. */
export interface TokenContext {
  profile: StoredProfile;
  baseUrl: string;
  tokenUrl: string;
  /** undefined for a public client (authentication method none). */
  secret: string | undefined;
}

export interface ExchangeOutcome {
  result: TokenResult;
  /** The parsed answer (with refresh token) when a token was issued. */
  parsed: ParsedToken | null;
}

function maskValues(wire: WireRequest, values: string[]): WireRequest {
  if (values.length === 0) return wire;
  return {
    ...wire,
    url: redactText(wire.url, values),
    body: wire.body && { ...wire.body, text: redactText(wire.body.text, values) },
  };
}

/** Response bodies carry refresh and ID tokens: those never leave the main process. */
function maskResponse(res: WireResponse, values: string[]): WireResponse {
  return values.length === 0 ? res : { ...res, bodyText: redactText(res.bodyText, values) };
}

/** Gets tokens from the token endpoint and keeps the current one per profile, in memory. */
export class TokenService {
  private readonly tokens = new Map<string, TokenView>();
  private readonly listeners: ((profileId: string, token: TokenView) => void)[] = [];
  private renewalSource: ((profileId: string) => RenewalState | undefined) | null = null;

  constructor(
    private readonly profiles: ProfileService,
    private readonly settings: SettingsService,
    private readonly registry: RequestRegistry,
    private readonly sandbox: SandboxService,
    private readonly http: HttpTransport,
    private readonly now: () => number = Date.now,
    readonly refreshTokens: RefreshTokenStore = new RefreshTokenStore(new MemoryVault(null)),
  ) {}

  /** The current token as kept, without the live renewal state. */
  stored(profileId: string): TokenView | null {
    return this.tokens.get(profileId) ?? null;
  }

  current(profileId: string): TokenView | null {
    const token = this.tokens.get(profileId);
    if (!token) return null;
    const renewal = this.renewalSource?.(profileId);
    return {
      ...token,
      refreshAvailable: this.refreshTokens.has(profileId),
      ...(renewal ? { renewal } : {}),
    };
  }

  /** Puts back a token kept across a restart (see token-keeper.ts). */
  restore(token: TokenView): void {
    if (!this.tokens.has(token.profileId)) this.tokens.set(token.profileId, token);
  }

  forget(profileId: string): void {
    this.tokens.delete(profileId);
    void this.refreshTokens.delete(profileId).catch(() => undefined);
  }

  /** Called with every new token (renewal schedules from here). */
  onToken(listener: (profileId: string, token: TokenView) => void): void {
    this.listeners.push(listener);
  }

  useRenewalSource(source: (profileId: string) => RenewalState | undefined): void {
    this.renewalSource = source;
  }

  /** Base URL in effect for a profile, starting the sandbox when the profile needs it. */
  async baseUrlFor(profile: StoredProfile): Promise<string | null> {
    const sandboxUrl = profile.sandbox ? (await this.sandbox.ensureStarted()).url : null;
    return effectiveBaseUrl(profile, sandboxUrl);
  }

  /** Resolves addresses and the secret; a TokenResult with a prepare failure when one is missing. */
  async context(profileId: string, tokenUrl?: string | null): Promise<TokenContext | TokenResult> {
    const profile = this.profiles.get(profileId);
    const sandboxUrl = profile.sandbox ? (await this.sandbox.ensureStarted()).url : null;
    const baseUrl = effectiveBaseUrl(profile, sandboxUrl);
    const url = tokenUrl ?? effectiveTokenUrl(profile, sandboxUrl);
    if (!url || !baseUrl) {
      return prepareFailure(
        'Profile has no address',
        'Neither Team and Cluster nor a Base URL are set.',
        'Fill in Team and Cluster (or paste the team URL), then save the profile.',
      );
    }
    if (profile.authMethod === 'none')
      return { profile, baseUrl, tokenUrl: url, secret: undefined };
    const secret = await this.profiles.getSecret(profile.id);
    if (secret === null) {
      return prepareFailure(
        'No client secret',
        `The authentication method ${profile.authMethod} needs the client secret, and none is saved for this profile.`,
        'Enter the Client secret from Admin & Settings > Applications and save the profile, or set Authentication method to none for a public client.',
      );
    }
    return { profile, baseUrl, tokenUrl: url, secret };
  }

  /** The token request in the profile's shape: its authentication method, encoding, placement. */
  build(ctx: TokenContext, params: [string, string][], url = ctx.tokenUrl): BuiltTokenRequest {
    return buildTokenRequest({
      tokenUrl: url,
      clientId: ctx.profile.clientId,
      clientSecret: ctx.secret,
      authMethod: ctx.profile.authMethod,
      paramsAs: ctx.profile.paramsAs,
      basicEncoding: ctx.profile.basicEncoding,
      params,
      multipartBoundary: `----TokenWorkbench${randomBytes(12).toString('hex')}`,
    });
  }

  /** Sends one prepared request through the one HTTP layer (probes, device authorization). */
  sendRaw(wire: WireRequest, signal: AbortSignal) {
    return this.http.send(wire, {
      timeoutSeconds: this.timeoutSeconds(),
      signal,
      step: 'token-endpoint',
    });
  }

  timeoutSeconds(): number {
    return this.settings.get().timeoutSeconds;
  }

  /**
   * One call to the token endpoint with the profile's authentication method. A token that comes
   * back becomes the profile's current one; a refresh token goes to the vault.
   */
  async exchange(
    ctx: TokenContext,
    params: [string, string][],
    signal: AbortSignal,
    options: { maskInRequest?: string[]; keepRefreshToken?: string | null } = {},
  ): Promise<ExchangeOutcome> {
    const built = this.build(ctx, params);
    const shown = maskValues(built.shown, options.maskInRequest ?? []);
    const base = { request: shown, basicDecoded: built.basicDecodedShown };
    const outcome = await this.http.send(built.wire, {
      timeoutSeconds: this.timeoutSeconds(),
      signal,
      step: 'token-endpoint',
    });
    if (!outcome.response) {
      return {
        result: { ...base, response: null, token: null, failure: outcome.failure },
        parsed: null,
      };
    }
    const read = readTokenResponse(outcome.response);
    const hidden = [...(options.maskInRequest ?? [])];
    if (read.token?.refreshToken) hidden.push(read.token.refreshToken);
    const idToken = /"id_token"\s*:\s*"([^"]+)"/.exec(outcome.response.bodyText)?.[1];
    if (idToken) hidden.push(idToken);
    const response = maskResponse(outcome.response, hidden);
    if (!read.token) {
      return { result: { ...base, response, token: null, failure: read.failure }, parsed: null };
    }
    const { profile } = ctx;
    if (read.token.refreshToken) await this.refreshTokens.set(profile.id, read.token.refreshToken);
    const requested = profile.scopes;
    const granted = read.token.scope ?? [...requested];
    const receivedAt = this.now();
    const token: TokenView = {
      profileId: profile.id,
      accessToken: read.token.accessToken,
      tokenType: read.token.tokenType,
      expiresIn: read.token.expiresIn,
      receivedAt,
      requestedScopes: [...requested],
      grantedScopes: granted,
      scopeReturned: read.token.scope !== null,
      notGranted: missingScopes(requested, granted),
      origin: originOf(ctx.baseUrl) ?? ctx.baseUrl,
      refreshAvailable: this.refreshTokens.has(profile.id),
      expiryCheck: checkExpiry({
        accessToken: read.token.accessToken,
        expiresIn: read.token.expiresIn,
        receivedAtMs: receivedAt,
        dateHeader: headerValue(outcome.response.headers, 'date'),
      }),
    };
    this.tokens.set(profile.id, token);
    for (const listener of this.listeners) listener(profile.id, token);
    return { result: { ...base, response, token, failure: null }, parsed: read.token };
  }

  /** Client credentials: the grant the first version built. */
  async getToken(profileId: string, requestId: string): Promise<TokenResult> {
    const ctx = await this.context(profileId);
    if (!('profile' in ctx)) return ctx;
    const { profile } = ctx;
    if (profile.grantType !== 'client_credentials') {
      return prepareFailure(
        'This grant needs a sign-in',
        `The profile uses the ${profile.grantType === 'device_code' ? 'device code' : 'authorization code'} grant: a user signs in first.`,
        'Press Get token in the app to start the sign-in, or set Grant type to Client credentials.',
      );
    }
    if (ctx.secret === undefined) {
      return prepareFailure(
        'No client secret',
        'The client credentials grant needs the client secret; a public client (authentication method none) cannot use it.',
        'Enter the Client secret from Admin & Settings > Applications, choose client_secret_basic or client_secret_post, and save the profile.',
      );
    }
    const scope = buildScopeString(profile.scopes);
    const params: [string, string][] = [['grant_type', 'client_credentials']];
    if (scope !== undefined) params.push(['scope', scope]);
    const { result } = await this.registry.run(requestId, (signal) =>
      this.exchange(ctx, params, signal),
    );
    return result;
  }

  /** Refresh (RFC 6749 §6) with the profile's authentication method; scope is not sent again. */
  async refresh(
    profileId: string,
    requestId: string,
    tokenUrl?: string | null,
  ): Promise<TokenResult> {
    const ctx = await this.context(profileId, tokenUrl);
    if (!('profile' in ctx)) return ctx;
    const refreshToken = await this.refreshTokens.get(profileId);
    if (refreshToken === null) {
      return prepareFailure(
        'No refresh token',
        'No refresh token is kept for this profile: the server sent none, or it was used up.',
        'Sign in again with Get token.',
      );
    }
    const { result } = await this.registry.run(requestId, (signal) =>
      this.exchange(
        ctx,
        [
          ['grant_type', 'refresh_token'],
          ['refresh_token', refreshToken],
        ],
        signal,
        { maskInRequest: [refreshToken] },
      ),
    );
    if (result.failure?.kind === 'oauth-error' && result.failure.error === 'invalid_grant') {
      await this.refreshTokens.delete(profileId);
      return {
        ...result,
        failure: {
          ...result.failure,
          title: 'Refresh refused: sign in again',
          hint: 'The refresh token is expired, revoked (Edit Profile > OAuth Client Management) or was issued to another client. Press Get token to sign in again.',
        },
      };
    }
    return result;
  }
}
