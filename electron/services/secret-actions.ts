import type { TokenResult } from '../../shared/results';
import type { ProfileService } from './profile-service';
import type { ClientCredentialsGrant } from './tokens/grants/client-credentials';
import { prepareFailure } from './tokens/token-context';

export interface SecretActionsDeps {
  profiles: ProfileService;
  clientCredentials: ClientCredentialsGrant;
}

/** Reveal and "Secret regenerated": the only ways a saved client secret leaves the vault. */
export class SecretActions {
  constructor(private readonly deps: SecretActionsDeps) {}

  /** The saved secret, on the user's explicit request (the UI hides it again after 30 s). */
  async reveal(profileId: string): Promise<{ secret: string | null }> {
    this.deps.profiles.get(profileId);
    return { secret: await this.deps.profiles.getSecret(profileId) };
  }

  /**
   * After "Regenerate secret" under Admin & Settings > Applications: tries the new secret with a
   * client credentials token request through the token pipeline first, and replaces the saved
   * one only when it works. The old secret stays saved when the test fails.
   */
  async regenerate(
    profileId: string,
    newSecret: string,
    requestId: string,
  ): Promise<{ replaced: boolean; result: TokenResult }> {
    const profile = this.deps.profiles.get(profileId);
    if (profile.grantType !== 'client_credentials' || profile.authMethod === 'none') {
      return {
        replaced: false,
        result: prepareFailure(
          'Cannot test the new secret',
          'A new secret is tested with a client credentials token request, and this profile uses another grant or no client authentication.',
          'Set Grant type to Client credentials (as registered under Admin & Settings > Applications), or enter the secret in the profile form.',
        ),
      };
    }
    const result = await this.deps.clientCredentials.get(profileId, requestId, {
      trigger: 'secret-regenerated',
      secret: newSecret,
    });
    if (!result.token) return { replaced: false, result };
    await this.deps.profiles.replaceSecret(profileId, newSecret);
    return { replaced: true, result };
  }
}
