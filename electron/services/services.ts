import { ApiService } from './api-service';
import { CurlExportService } from './curl-export';
import { SecretRequestMemory } from './secret-request-memory';
import { HistoryService } from './history-service';
import { ResponseStore, responseLimits } from './responses/response-store';
import { spillDirFor } from './responses/spill-files';
import type { DataStore } from './data-store';
import { HttpTransport } from './http-transport';
import { ProfileService } from './profile-service';
import { RequestRegistry } from './request-registry';
import { SandboxService } from './sandbox-service';
import type { SecretVault } from './secret-vault';
import { SettingsService } from './settings-service';
import type { TokenService } from './tokens/token-service';
import type { OpenExternal } from './tokens/grants/authorization-code';
import {
  createTokenPipeline,
  type GrantServices,
  type TokenPipeline,
} from './tokens/token-services';
import { EventBus } from './events/event-bus';
import { EventFeed } from './events/event-feed';
import { systemClock, type Clock } from './tokens/clock';
import { ProfileActions } from './profile-actions';
import { RefreshTokenStore } from './refresh-token-store';
import { createDataServices, type DataServices } from './data-services';
import { WorkspaceStateService } from './workspace-state';
import { SavedRequestsService } from './saved-requests-service';
import { RequestDraftsService } from './request-drafts-service';
import { ResponseExport, type ShowSaveDialog } from './response-export';
import { createClientCheck, type ClientCheck } from './client-check/create-client-check';

export interface Services {
  vault: SecretVault;
  profiles: ProfileService;
  settings: SettingsService;
  registry: RequestRegistry;
  http: HttpTransport;
  sandbox: SandboxService;
  /** Get a token (client credentials, any scope list), refresh, current state per profile. */
  tokens: TokenService;
  grants: GrantServices;
  /** The token pipeline's parts: endpoint client, resolver, current tokens, history re-send. */
  pipeline: TokenPipeline;
  /** Pushed state: services publish, each host forwards to its page. */
  events: EventBus;
  /** What the hosts forward to the page: a snapshot of the state first, then every event. */
  eventFeed: EventFeed;
  /** Delete a profile (with its token), create the sandbox profile. */
  profileActions: ProfileActions;
  api: ApiService;
  /** API response bodies (main process only), read in pages. */
  responses: ResponseStore;
  history: HistoryService;
  curl: CurlExportService;
  /** Import/export, reveal/regenerate secret, tokens kept across restarts. */
  data: DataServices;
  /** Requests saved into profiles, and request-tab drafts (never a secret in either). */
  savedRequests: SavedRequestsService;
  requestDrafts: RequestDraftsService;
  /** Save response: the app's save dialog, or a one-time download in the browser host. */
  responseExport: ResponseExport;
  /** The open tabs, kept across restarts (references only). */
  workspace: WorkspaceStateService;
  /** Check this client: the steps, their progress, the last result per profile, reports. */
  clientCheck: ClientCheck;
  close(): Promise<void>;
}

/** Wires the services together around one store and one vault. */
export function createServices(
  store: DataStore,
  vault: SecretVault,
  options: { openExternal?: OpenExternal; clock?: Clock; showSaveDialog?: ShowSaveDialog } = {},
): Services {
  const clock = options.clock ?? systemClock;
  const events = new EventBus();
  const sandbox = new SandboxService({ vault, port: 0 });
  const profiles = new ProfileService({
    store,
    vault,
    sandboxUrl: () => sandbox.url,
    now: () => new Date(),
  });
  const http = new HttpTransport();
  const settings = new SettingsService({ store, vault, http });
  const registry = new RequestRegistry();
  const history = new HistoryService({
    log: store.history,
    retentionDays: () => settings.get().historyRetentionDays,
    now: Date.now,
  });
  sandbox.onStatus((status) => events.publish('sandboxStatus', status));
  const requests = new SecretRequestMemory();
  const pipeline = createTokenPipeline({
    profiles,
    settings,
    sandbox,
    http,
    registry,
    history,
    refreshTokens: new RefreshTokenStore(vault),
    events,
    clock,
    openExternal: options.openExternal,
    requests,
  });
  const { tokens, grants } = pipeline;
  const responses = new ResponseStore({
    spillDir: spillDirFor(store.dataDir),
    limits: () => responseLimits(settings.get()),
  });
  const api = new ApiService({
    profiles,
    tokens,
    settings,
    registry,
    http,
    responses,
    history,
    vault,
    now: Date.now,
  });
  const curl = new CurlExportService({ history, profiles, api, requests });
  const data = createDataServices({
    store,
    vault,
    profiles,
    settings,
    current: pipeline.current,
    clientCredentials: pipeline.clientCredentials,
    clock,
  });
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
    pipeline,
    events,
    eventFeed: new EventFeed({
      events,
      current: pipeline.current,
      renewal: grants.renewal,
      sandbox,
    }),
    profileActions: new ProfileActions({ profiles, tokens, sandbox, settings }),
    api,
    responses,
    history,
    curl,
    data,
    savedRequests,
    requestDrafts,
    responseExport: new ResponseExport({ responses, showSaveDialog: options.showSaveDialog }),
    workspace: new WorkspaceStateService({ store }),
    clientCheck: createClientCheck({
      store,
      profiles,
      settings,
      registry,
      http,
      tokens,
      grants,
      api,
      events,
    }),
    close: () => {
      grants.dispose();
      history.flush();
      return Promise.all([sandbox.close(), responses.close()]).then(() => undefined);
    },
  };
}
