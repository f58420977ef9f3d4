import { newProfileFields } from '../../shared/new-profile';
import type { ProfileView } from '../../shared/profile';
import type { ProfileService } from './profile-service';
import type { SandboxService } from './sandbox-service';
import type { SettingsService } from './settings-service';
import type { TokenService } from './tokens/token-service';

export interface ProfileActionsDeps {
  profiles: ProfileService;
  tokens: TokenService;
  sandbox: SandboxService;
  settings: SettingsService;
}

/** Profile operations that touch more than the profile store: delete, the sandbox profile. */
export class ProfileActions {
  constructor(private readonly deps: ProfileActionsDeps) {}

  /** Deletes a profile and forgets its token, refresh token and resolved endpoint. */
  async delete(id: string): Promise<{ deleted: boolean }> {
    this.deps.tokens.forget(id);
    return { deleted: await this.deps.profiles.delete(id) };
  }

  /** A profile for the built-in sandbox, named Sandbox, Sandbox 2, … */
  async createSandboxProfile(): Promise<ProfileView> {
    const { profiles, sandbox, settings } = this.deps;
    await sandbox.ensureStarted();
    const taken = new Set((await profiles.list()).map((p) => p.name));
    let name = 'Sandbox';
    for (let i = 2; taken.has(name); i++) name = `Sandbox ${i}`;
    return profiles.save({
      fields: {
        ...newProfileFields(settings.get().renewalLeadSeconds),
        name,
        sandbox: true,
        clientId: 'sandbox-basic',
        authMethod: 'client_secret_basic',
      },
      clientSecret: await sandbox.clientSecret(),
    });
  }
}
