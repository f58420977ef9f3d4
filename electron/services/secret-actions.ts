import type { TokenResult } from '../../shared/results';
import { buildScopeString } from '../../shared/scope-string';
import type { Failure } from '../../shared/wire';
import type { ProfileService } from './profile-service';
import type { RequestRegistry } from './request-registry';
import type { TokenService } from './token-service';

function refused(title: string, message: string, hint: string): TokenResult {
  const failure: Failure = { step: 'prepare', kind: 'invalid-input', title, message, hint };
  return { request: null, response: null, token: null, failure };
}

/** Reveal and "Secret regenerated": the only ways a saved client secret leaves the vault. */
export class SecretActions {
  constructor(
    private readonly profiles: ProfileService,
    private readonly tokens: TokenService,
    private readonly registry: RequestRegistry,
  ) {}

  /** The saved secret, on the user's explicit request (the UI hides it again after 30 s). */
  async reveal(profileId: string): Promise<{ secret: string | null }> {
    this.profiles.get(profileId);
    return { secret: await this.profiles.getSecret(profileId) };
  }

  /**
   * After "Regenerate secret" under Admin & Settings > Applications: tries the new secret with a
   * client credentials token request first, and replaces the saved one only when it works. The
   * old secret stays saved when the test fails.
   */
  async regenerate(
    profileId: string,
    newSecret: string,
    requestId: string,
  ): Promise<{ replaced: boolean; result: TokenResult }> {
    const profile = this.profiles.get(profileId);
    if (profile.grantType !== 'client_credentials' || profile.authMethod === 'none') {
      return {
        replaced: false,
        result: refused(
          'Cannot test the new secret',
          'A new secret is tested with a client credentials token request, and this profile uses another grant or no client authentication.',
          'Set Grant type to Client credentials (as registered under Admin & Settings > Applications), or enter the secret in the profile form.',
        ),
      };
    }
    // The context needs a saved secret: without one there is nothing to regenerate.
    const ctx = await this.tokens.context(profileId);
    if (!('profile' in ctx)) return { replaced: false, result: ctx };
    const scope = buildScopeString(profile.scopes);
    const params: [string, string][] = [['grant_type', 'client_credentials']];
    if (scope !== undefined) params.push(['scope', scope]);
    const { result } = await this.registry.run(requestId, (signal) =>
      this.tokens.exchange({ ...ctx, secret: newSecret }, params, signal),
    );
    if (!result.token) return { replaced: false, result };
    await this.profiles.replaceSecret(profileId, newSecret);
    return { replaced: true, result };
  }
}
