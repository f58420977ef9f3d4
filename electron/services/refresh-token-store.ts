import type { SecretVault } from './secret-vault';

/** Refresh tokens live in the vault (keychain), one per profile; never in the store or the UI. */
export class RefreshTokenStore {
  /** Profiles known to have one this run, so the UI can offer Refresh without a keychain read. */
  private readonly known = new Map<string, boolean>();

  constructor(private readonly vault: SecretVault) {}

  static account(profileId: string): string {
    return `profile:${profileId}:refresh-token`;
  }

  async get(profileId: string): Promise<string | null> {
    const value = await this.vault.get(RefreshTokenStore.account(profileId));
    this.known.set(profileId, value !== null);
    return value;
  }

  async set(profileId: string, token: string): Promise<void> {
    await this.vault.set(RefreshTokenStore.account(profileId), token);
    this.known.set(profileId, true);
  }

  async delete(profileId: string): Promise<void> {
    this.known.set(profileId, false);
    await this.vault.delete(RefreshTokenStore.account(profileId));
  }

  has(profileId: string): boolean {
    return this.known.get(profileId) ?? false;
  }
}
