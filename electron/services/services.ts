import { ApiService } from './api-service';
import type { KeyValueStore } from './data-store';
import { HttpTransport } from './http-transport';
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
  http: HttpTransport;
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
  const http = new HttpTransport();
  const tokens = new TokenService(profiles, settings, registry, sandbox, http);
  const api = new ApiService(profiles, tokens, settings, registry, http);
  return {
    vault,
    profiles,
    settings,
    registry,
    http,
    sandbox,
    tokens,
    api,
    close: () => sandbox.close(),
  };
}
