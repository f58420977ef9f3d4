import { PROBE_MIN_GAP_MS } from '../../../shared/probe-verdicts';
import { DiscoveryService } from '../discovery-service';
import type { EventBus } from '../events/event-bus';
import type { HistoryService } from '../history-service';
import type { HttpTransport } from '../http-transport';
import type { ProfileService } from '../profile-service';
import type { RefreshTokenStore } from '../refresh-token-store';
import type { RequestRegistry } from '../request-registry';
import type { SandboxService } from '../sandbox-service';
import { MethodProbeMemory } from '../method-probe-memory';
import type { SecretRequestMemory } from '../secret-request-memory';
import type { SettingsService } from '../settings-service';
import type { Clock } from './clock';
import { CurrentTokens } from './current-tokens';
import { BuiltRequests } from './built-requests';
import { LastTokenShapes } from './last-token-shapes';
import { EndpointClient } from './endpoint-client';
import { EndpointResolver } from './endpoint-resolver';
import { AuthorizationCodeFlow, type OpenExternal } from './grants/authorization-code';
import { ClientCredentialsGrant } from './grants/client-credentials';
import { DeviceFlow } from './grants/device-code';
import { RefreshGrant } from './grants/refresh';
import { ProbeService } from './probe-service';
import { ProfileDiscovery } from './profile-discovery';
import { RenewalService } from './renewal-service';
import { TokenCallRecorder } from './token-call-recorder';
import { TokenContexts } from './token-context';
import { TokenResend } from './token-resend';
import { TokenService } from './token-service';

/** The grants beyond client credentials, discovery, probes and renewal. */
export interface GrantServices {
  discovery: DiscoveryService;
  /** Discover endpoints for a profile (the Discovery panel). */
  profileDiscovery: ProfileDiscovery;
  authorizationCode: AuthorizationCodeFlow;
  device: DeviceFlow;
  probes: ProbeService;
  renewal: RenewalService;
  dispose(): void;
}

export interface TokenPipelineDeps {
  profiles: ProfileService;
  settings: SettingsService;
  sandbox: SandboxService;
  http: HttpTransport;
  registry: RequestRegistry;
  history: HistoryService;
  refreshTokens: RefreshTokenStore;
  events: EventBus;
  clock: Clock;
  openExternal: OpenExternal | undefined;
  /** Token calls as sent, for Copy as curl with secrets (memory only). */
  requests?: SecretRequestMemory;
}

export interface TokenPipeline {
  tokens: TokenService;
  /** Current token and last attempt per profile (publishes tokenState). */
  current: CurrentTokens;
  /** The one way to call a token endpoint (build, send, read, diagnose, record, publish). */
  client: EndpointClient;
  endpoints: EndpointResolver;
  contexts: TokenContexts;
  clientCredentials: ClientCredentialsGrant;
  resend: TokenResend;
  grants: GrantServices;
}

/** Wires the token pipeline: one resolver, one client, one store of current tokens. */
export function createTokenPipeline(deps: TokenPipelineDeps): TokenPipeline {
  const { profiles, registry, events, clock, refreshTokens } = deps;
  const timeoutSeconds = () => deps.settings.get().timeoutSeconds;
  const discovery = new DiscoveryService({ http: deps.http, timeoutSeconds, clock });
  const endpoints = new EndpointResolver({ discovery });
  const contexts = new TokenContexts({ profiles, sandbox: deps.sandbox, endpoints });
  const current = new CurrentTokens({ events, refreshTokens });
  const recorder = new TokenCallRecorder({ history: deps.history });
  const methodProbes = new MethodProbeMemory();
  const built = new BuiltRequests();
  const lastTokens = new LastTokenShapes({
    recorded: (profileId) => deps.history.lastCurrentToken(profileId),
  });
  const client = new EndpointClient({
    http: deps.http,
    timeoutSeconds,
    recorder,
    tokens: current,
    refreshTokens,
    clock,
    ...(deps.requests ? { requests: deps.requests } : {}),
    methodProbes,
    built,
    lastTokens,
  });
  const grant = { contexts, client, registry };
  const clientCredentials = new ClientCredentialsGrant(grant);
  const refreshGrant = new RefreshGrant({ ...grant, refreshTokens });
  const renewal = new RenewalService({
    tokens: current,
    profiles,
    clientCredentials,
    refresh: refreshGrant,
    events,
    clock,
  });
  const sendRaw = (wire: Parameters<HttpTransport['send']>[0], signal: AbortSignal) =>
    deps.http.send(wire, { timeoutSeconds: timeoutSeconds(), signal, step: 'token-endpoint' });
  return {
    tokens: new TokenService({
      contexts,
      current,
      endpoints,
      clientCredentials,
      refreshGrant,
      built,
      lastTokens,
    }),
    current,
    client,
    endpoints,
    contexts,
    clientCredentials,
    resend: new TokenResend({ history: deps.history, clientCredentials, refresh: refreshGrant }),
    grants: {
      discovery,
      profileDiscovery: new ProfileDiscovery({
        profiles,
        contexts,
        discovery,
        endpoints,
        registry,
      }),
      authorizationCode: new AuthorizationCodeFlow({
        ...grant,
        discovery,
        openExternal: deps.openExternal,
      }),
      device: new DeviceFlow({ ...grant, discovery, events, clock, sendRaw }),
      probes: new ProbeService({
        ...grant,
        clock,
        gapMs: PROBE_MIN_GAP_MS,
        maxRetries429: 3,
        methodProbes,
      }),
      renewal,
      dispose: () => renewal.dispose(),
    },
  };
}
