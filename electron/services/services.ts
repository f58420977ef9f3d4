import { ApiService } from './api-service';
import { CurlExportService } from './curl-export';
import { HistoryService } from './history-service';
import { ResponseStore } from './responses/response-store';
import { TokenCallRecorder } from './token-call-recorder';
import type { DataStore } from './data-store';
import { HttpTransport } from './http-transport';
import { ProfileService } from './profile-service';
import { RequestRegistry } from './request-registry';
import { SandboxService } from './sandbox-service';
import type { SecretVault } from './secret-vault';
import { SettingsService } from './settings-service';
import { TokenService } from './token-service';
import type { OpenExternal } from './authorization-code-flow';
import { createGrantServices, type GrantServices } from './grant-services';
import { RefreshTokenStore } from './refresh-token-store';
import { createDataServices, type DataServices } from './data-services';
import { WorkspaceStateService } from './workspace-state';
import { SavedRequestsService } from './saved-requests-service';
import { RequestDraftsService } from './request-drafts-service';

export interface Services {
  vault: SecretVault;
  profiles: ProfileService;
  settings: SettingsService;
  registry: RequestRegistry;
  http: HttpTransport;
  sandbox: SandboxService;
  tokens: TokenService;
  grants: GrantServices;
  api: ApiService;
  /** API response bodies (main process only), read in pages. */
  responses: ResponseStore;
  history: HistoryService;
  /** Diagnosis + history for every operation that returns a TokenResult. */
  tokenCalls: TokenCallRecorder;
  curl: CurlExportService;
  /** Import/export, reveal/regenerate secret, tokens kept across restarts. */
  data: DataServices;
  /** Requests saved into profiles, and request-tab drafts (never a secret in either). */
  savedRequests: SavedRequestsService;
  requestDrafts: RequestDraftsService;
  /** The open tabs, kept across restarts (references only). */
  workspace: WorkspaceStateService;
  close(): Promise<void>;
}

/** Wires the services together around one store and one vault. */
export function createServices(
  store: DataStore,
  vault: SecretVault,
  options: { openExternal?: OpenExternal } = {},
): Services {
  const sandbox = new SandboxService(vault);
  const profiles = new ProfileService(store, vault, () => sandbox.url);
  const http = new HttpTransport();
  const settings = new SettingsService(store, { vault, http });
  const registry = new RequestRegistry();
  const tokens = new TokenService(
    profiles,
    settings,
    registry,
    sandbox,
    http,
    Date.now,
    new RefreshTokenStore(vault),
  );
  const grants = createGrantServices({ tokens, profiles, registry, http, ...options });
  const history = new HistoryService({
    log: store.history,
    retentionDays: () => settings.get().historyRetentionDays,
    now: Date.now,
  });
  const responses = new ResponseStore();
  const api = new ApiService(profiles, tokens, settings, registry, http, {
    responses,
    history,
    vault,
  });
  const tokenCalls = new TokenCallRecorder(profiles, history);
  const curl = new CurlExportService({ history, profiles, api });
  const data = createDataServices({ store, vault, profiles, settings, tokens, registry });
  const knownSecrets = (profileId: string) => api.knownSecrets(profileId);
  const savedRequests = new SavedRequestsService({
    store,
    assertProfile: (id) => void profiles.get(id),
    knownSecrets,
  });
  const requestDrafts = new RequestDraftsService({ store, knownSecrets });
  return {
    vault,
    profiles,
    settings,
    registry,
    http,
    sandbox,
    tokens,
    grants,
    api,
    responses,
    history,
    tokenCalls,
    curl,
    data,
    savedRequests,
    requestDrafts,
    workspace: new WorkspaceStateService({ store }),
    close: () => {
      grants.dispose();
      return sandbox.close();
    },
  };
}
