import { ApiService } from './api-service';
import type { KeyValueStore } from './data-store';
import { ProfileService } from './profile-service';
import { RequestRegistry } from './request-registry';
import { SandboxService } from './sandbox-service';
import type { SecretVault } from './secret-vault';
import { SettingsService } from './settings-service';
import { TokenService } from './token-service';

export interface Services {
  vault: SecretVault;
  profiles: ProfileService;
  settings: SettingsService;
  registry: RequestRegistry;
  sandbox: SandboxService;
  tokens: TokenService;
  api: ApiService;
  close(): Promise<void>;
}

/** Wires the services together around one store and one vault. */
export function createServices(store: KeyValueStore, vault: SecretVault): Services {
  const sandbox = new SandboxService(vault);
  const profiles = new ProfileService(store, vault, () => sandbox.url);
  const settings = new SettingsService(store);
  const registry = new RequestRegistry();
  const tokens = new TokenService(profiles, settings, registry, sandbox);
  const api = new ApiService(profiles, tokens, settings, registry);
  return {
    vault,
    profiles,
    settings,
    registry,
    sandbox,
    tokens,
    api,
    close: () => sandbox.close(),
  };
}
