import type { KeyValueStore } from './data-store';
import type { ProfileService } from './profile-service';
import { ProfileTransfer } from './profile-transfer';
import type { RequestRegistry } from './request-registry';
import { SecretActions } from './secret-actions';
import type { SecretVault } from './secret-vault';
import type { SettingsService } from './settings-service';
import { TokenKeeper } from './token-keeper';
import type { TokenService } from './token-service';

/** Import/export, reveal and regenerate, and tokens kept across restarts. */
export interface DataServices {
  transfer: ProfileTransfer;
  secrets: SecretActions;
  keeper: TokenKeeper;
  /** Settles once kept tokens are back in the token service. */
  restored: Promise<number>;
}

export function createDataServices(deps: {
  store: KeyValueStore;
  vault: SecretVault;
  profiles: ProfileService;
  settings: SettingsService;
  tokens: TokenService;
  registry: RequestRegistry;
}): DataServices {
  const keeper = new TokenKeeper(deps.store, deps.vault, deps.settings, deps.profiles);
  keeper.attach(deps.tokens);
  deps.settings.onUpdate((s) => {
    if (!s.keepTokens) void keeper.clear().catch(() => undefined);
  });
  return {
    transfer: new ProfileTransfer(
      deps.profiles,
      undefined,
      () => deps.settings.get().renewalLeadSeconds,
    ),
    secrets: new SecretActions(deps.profiles, deps.tokens, deps.registry),
    keeper,
    restored: keeper.restore(deps.tokens).catch(() => 0),
  };
}
