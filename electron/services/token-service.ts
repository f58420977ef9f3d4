import { randomBytes } from 'node:crypto';
import { effectiveBaseUrl, effectiveTokenUrl, type StoredProfile } from '../../shared/profile';
import type { TokenResult, TokenView } from '../../shared/results';
import { buildScopeString, missingScopes } from '../../shared/scope-string';
import { originOf } from '../../shared/team-url';
import { buildTokenRequest } from '../../shared/token-request';
import { readTokenResponse } from '../../shared/token-response';
import type { Failure } from '../../shared/wire';
import type { HttpTransport } from './http-transport';
import type { ProfileService } from './profile-service';
import type { RequestRegistry } from './request-registry';
import type { SandboxService } from './sandbox-service';
import type { SettingsService } from './settings-service';

function prepareFailure(title: string, message: string, hint: string): TokenResult {
  const failure: Failure = { step: 'prepare', kind: 'invalid-input', title, message, hint };
  return { request: null, response: null, token: null, failure };
}

/** Gets tokens from the token endpoint and keeps the current one per profile, in memory. */
export class TokenService {
  private readonly tokens = new Map<string, TokenView>();

  constructor(
    private readonly profiles: ProfileService,
    private readonly settings: SettingsService,
    private readonly registry: RequestRegistry,
    private readonly sandbox: SandboxService,
    private readonly http: HttpTransport,
    private readonly now: () => number = Date.now,
  ) {}

  current(profileId: string): TokenView | null {
    return this.tokens.get(profileId) ?? null;
  }

  forget(profileId: string): void {
    this.tokens.delete(profileId);
  }

  /** Base URL in effect for a profile, starting the sandbox when the profile needs it. */
  async baseUrlFor(profile: StoredProfile): Promise<string | null> {
    const sandboxUrl = profile.sandbox ? (await this.sandbox.ensureStarted()).url : null;
    return effectiveBaseUrl(profile, sandboxUrl);
  }

  async getToken(profileId: string, requestId: string): Promise<TokenResult> {
    const profile = this.profiles.get(profileId);
    const sandboxUrl = profile.sandbox ? (await this.sandbox.ensureStarted()).url : null;
    const tokenUrl = effectiveTokenUrl(profile, sandboxUrl);
    const baseUrl = effectiveBaseUrl(profile, sandboxUrl);
    if (!tokenUrl || !baseUrl) {
      return prepareFailure(
        'Profile has no address',
        'Neither Team and Cluster nor a Base URL are set.',
        'Fill in Team and Cluster (or paste the team URL), then save the profile.',
      );
    }
    if (profile.grantType !== 'client_credentials') {
      return prepareFailure(
        'Grant type not available yet',
        'This version gets tokens with the client credentials grant only.',
        'Set Grant type to Client credentials.',
      );
    }
    const secret = await this.profiles.getSecret(profile.id);
    if (secret === null) {
      return prepareFailure(
        'No client secret',
        'The client credentials grant needs the client secret, and none is saved for this profile.',
        'Enter the Client secret from Admin & Settings > Applications and save the profile.',
      );
    }
    const scope = buildScopeString(profile.scopes);
    const params: [string, string][] = [['grant_type', 'client_credentials']];
    if (scope !== undefined) params.push(['scope', scope]);
    const built = buildTokenRequest({
      tokenUrl,
      clientId: profile.clientId,
      clientSecret: secret,
      authMethod: profile.authMethod,
      paramsAs: profile.paramsAs,
      basicEncoding: profile.basicEncoding,
      params,
      multipartBoundary: `----TokenWorkbench${randomBytes(12).toString('hex')}`,
    });
    const { timeoutSeconds } = this.settings.get();
    const outcome = await this.registry.run(requestId, (signal) =>
      this.http.send(built.wire, { timeoutSeconds, signal, step: 'token-endpoint' }),
    );
    const base = { request: built.shown, basicDecoded: built.basicDecodedShown };
    if (!outcome.response)
      return { ...base, response: null, token: null, failure: outcome.failure };
    const read = readTokenResponse(outcome.response);
    if (!read.token)
      return { ...base, response: outcome.response, token: null, failure: read.failure };

    const requested = profile.scopes;
    const granted = read.token.scope ?? [...requested];
    const token: TokenView = {
      profileId: profile.id,
      accessToken: read.token.accessToken,
      tokenType: read.token.tokenType,
      expiresIn: read.token.expiresIn,
      receivedAt: this.now(),
      requestedScopes: [...requested],
      grantedScopes: granted,
      scopeReturned: read.token.scope !== null,
      notGranted: missingScopes(requested, granted),
      origin: originOf(baseUrl) ?? baseUrl,
    };
    this.tokens.set(profile.id, token);
    return { ...base, response: outcome.response, token, failure: null };
  }
}
