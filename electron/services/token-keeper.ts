import type { TokenView } from '../../shared/results';
import type { KeyValueStore } from './data-store';
import type { ProfileService } from './profile-service';
import { secretAccounts, type SecretVault } from './secret-vault';
import type { SettingsService } from './settings-service';
import type { Clock } from './tokens/clock';
import type { CurrentTokens } from './tokens/current-tokens';

const KEY = 'keptTokens';

type KeptMeta = Omit<TokenView, 'accessToken' | 'renewal'>;

/**
 * Keeps access tokens across restarts when the user allows it (Settings > Keep tokens): the
 * token itself in the keychain, only its metadata (expiry, scopes) in the store. Tokens that have
 * expired are not restored. Nothing is kept while the setting is off.
 */
export interface TokenKeeperDeps {
  store: KeyValueStore;
  vault: SecretVault;
  settings: SettingsService;
  profiles: ProfileService;
  clock: Clock;
}

export class TokenKeeper {
  constructor(private readonly deps: TokenKeeperDeps) {}

  private meta(): Record<string, KeptMeta> {
    const raw = this.deps.store.get(KEY);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, KeptMeta>)
      : {};
  }

  /** Follows every new token while the setting is on. */
  attach(tokens: CurrentTokens): void {
    tokens.onToken((_profileId, token) => void this.keep(token).catch(() => undefined));
  }

  async keep(token: TokenView): Promise<void> {
    if (!this.deps.settings.get().keepTokens) return;
    const { accessToken, renewal: _renewal, ...meta } = token;
    await this.deps.vault.set(secretAccounts.accessToken(token.profileId), accessToken);
    this.deps.store.set(KEY, { ...this.meta(), [token.profileId]: meta });
  }

  private expired(m: KeptMeta): boolean {
    return m.expiresIn !== null && m.receivedAt + m.expiresIn * 1000 <= this.deps.clock.now();
  }

  /** At start: puts valid kept tokens back into the token service; drops expired ones. */
  async restore(tokens: CurrentTokens): Promise<number> {
    const all = this.meta();
    if (Object.keys(all).length === 0) return 0;
    if (!this.deps.settings.get().keepTokens) {
      await this.clear();
      return 0;
    }
    const known = new Set((await this.deps.profiles.list()).map((p) => p.id));
    const keep: Record<string, KeptMeta> = {};
    let restored = 0;
    for (const [id, m] of Object.entries(all)) {
      const accessToken =
        known.has(id) && !this.expired(m)
          ? await this.deps.vault.get(secretAccounts.accessToken(id))
          : null;
      if (accessToken === null) {
        await this.deps.vault.delete(secretAccounts.accessToken(id)).catch(() => undefined);
        continue;
      }
      // Kept by an earlier version: the decoded JWT claims came along (`expiryCheck`); they are
      // worked out from the token where it is shown now, and no longer kept in the store.
      const { expiryCheck: _claims, ...kept } = m as KeptMeta & { expiryCheck?: unknown };
      keep[id] = kept;
      tokens.restore({ ...kept, accessToken, profileId: id });
      restored++;
    }
    this.deps.store.set(KEY, keep);
    return restored;
  }

  /** Removes every kept token (the setting was switched off). */
  async clear(): Promise<void> {
    for (const id of Object.keys(this.meta())) {
      await this.deps.vault.delete(secretAccounts.accessToken(id)).catch(() => undefined);
    }
    this.deps.store.set(KEY, {});
  }
}
