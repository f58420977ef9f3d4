import type { KeyValueStore } from './data-store';
import type { ProfileService } from './profile-service';
import { ProfileTransfer } from './profile-transfer';
import { SecretActions } from './secret-actions';
import type { SecretVault } from './secret-vault';
import type { SettingsService } from './settings-service';
import { TokenKeeper } from './token-keeper';
import type { Clock } from './tokens/clock';
import type { CurrentTokens } from './tokens/current-tokens';
import type { ClientCredentialsGrant } from './tokens/grants/client-credentials';

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
  current: CurrentTokens;
  clientCredentials: ClientCredentialsGrant;
  clock: Clock;
}): DataServices {
  const keeper = new TokenKeeper(deps);
  keeper.attach(deps.current);
  deps.settings.onUpdate((s) => {
    if (!s.keepTokens) void keeper.clear().catch(() => undefined);
  });
  return {
    transfer: new ProfileTransfer({
      profiles: deps.profiles,
      now: () => new Date(),
      renewalLeadSeconds: () => deps.settings.get().renewalLeadSeconds,
    }),
    secrets: new SecretActions({
      profiles: deps.profiles,
      clientCredentials: deps.clientCredentials,
    }),
    keeper,
    restored: keeper.restore(deps.current).catch(() => 0),
  };
}
