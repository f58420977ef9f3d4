import type { ClientCheckResult } from '../../../shared/client-check/check-types';
import { joinUrl } from '../../../shared/team-url';
import type { ApiService } from '../api-service';
import type { DataStore } from '../data-store';
import type { EventBus } from '../events/event-bus';
import type { HttpTransport } from '../http-transport';
import { jsonGet, verifyJwt } from '../jwt-verifier';
import type { ProfileService } from '../profile-service';
import type { RequestRegistry } from '../request-registry';
import type { SettingsService } from '../settings-service';
import type { GrantServices } from '../tokens/token-services';
import type { TokenService } from '../tokens/token-service';
import { ClientCheckHistory } from './check-history';
import { ClientCheckService } from './client-check-service';
import { reportFor, serverDateNow, type CheckReport, type ReportFormat } from './check-operations';
import type { JwtCheck } from '../../../shared/client-check/jwt-check';
import { linkedRequest } from './linked-request';

/** The client check and its history (the last result per profile). */
export interface ClientCheck {
  service: ClientCheckService;
  history: ClientCheckHistory;
  /** The last check of a profile as Markdown or HTML. */
  report(profileId: string, format: ReportFormat): CheckReport;
  /** The JWT check of the profile's current token (null without one). */
  verifyCurrentToken(profileId: string, requestId: string): Promise<JwtCheck | null>;
}

/** Wires the client check to the token pipeline, the API service and the one HttpTransport. */
export function createClientCheck(parts: {
  store: Pick<DataStore, 'dataDir'>;
  profiles: ProfileService;
  settings: SettingsService;
  registry: RequestRegistry;
  http: HttpTransport;
  tokens: TokenService;
  grants: GrantServices;
  api: ApiService;
  events: EventBus;
  now?: () => number;
}): ClientCheck {
  const { profiles, registry, http, tokens, grants, api } = parts;
  const now = parts.now ?? Date.now;
  const timeoutSeconds = () => parts.settings.get().timeoutSeconds;
  const history = new ClientCheckHistory(parts.store.dataDir);
  const get = (url: string, signal: AbortSignal) =>
    http.send(jsonGet(url), { timeoutSeconds: timeoutSeconds(), signal, step: 'connect' });
  const service = new ClientCheckService({
    profile: (id) => profiles.get(id),
    secret: (id) => profiles.getSecret(id),
    baseUrl: (profile) => tokens.baseUrlFor(profile),
    fetchRoot: (baseUrl, signal) =>
      http.send(
        { method: 'GET', url: joinUrl(baseUrl, '/'), headers: [['Accept', '*/*']] },
        { timeoutSeconds: timeoutSeconds(), signal, step: 'connect' },
      ),
    discover: async (profile, signal) => {
      const baseUrl = await tokens.baseUrlFor(profile);
      return grants.discovery.discover(baseUrl ?? '', profile.tokenUrl || null, signal, true);
    },
    pingTokenEndpoint: (tokenUrl, signal) =>
      http.send(
        {
          method: 'POST',
          url: tokenUrl,
          headers: [
            ['Content-Type', 'application/x-www-form-urlencoded'],
            ['Accept', 'application/json'],
          ],
          body: {
            contentType: 'application/x-www-form-urlencoded',
            text: 'grant_type=client_credentials',
          },
        },
        { timeoutSeconds: timeoutSeconds(), signal, step: 'token-endpoint' },
      ),
    probeAuthMethods: (id, signal) =>
      linkedRequest(registry, signal, (rid) => grants.probes.probeAuthMethods(id, rid)),
    getToken: (id, scopes, signal) =>
      linkedRequest(registry, signal, (rid) =>
        tokens.getToken(id, rid, scopes ? { scopes } : undefined),
      ),
    probeScope: (id, scopes, signal) =>
      linkedRequest(registry, signal, (rid) => grants.probes.probeScope(id, scopes, rid)),
    sendGet: (id, path, signal) =>
      linkedRequest(registry, signal, (rid) =>
        api.send({
          profileId: id,
          requestId: rid,
          method: 'GET',
          url: path,
          headers: [],
          body: '',
          allowOtherOrigin: false,
          auth: 'token',
        }),
      ),
    verifyJwt: (input, signal) => verifyJwt({ get, now }, input, signal),
    publish: (event) => parts.events.publish('clientCheckProgress', event),
    saveResult: (result: ClientCheckResult) => history.save(result),
    now,
  });
  const verifyCurrentToken = async (profileId: string, requestId: string) => {
    const token = tokens.current(profileId);
    if (!token) return null;
    const profile = profiles.get(profileId);
    const baseUrl = await tokens.baseUrlFor(profile);
    return registry.run(requestId, async (signal) => {
      const view = await grants.discovery.discover(baseUrl ?? '', profile.tokenUrl || null, signal);
      return verifyJwt(
        { get, now },
        {
          token: token.accessToken,
          discoveryUrl: view.foundAt,
          serverDate: serverDateNow(now(), token.clockSkewSeconds),
          audiences: [profile.clientId, token.origin, baseUrl ?? '', view.metadata?.issuer ?? ''],
        },
        signal,
      );
    });
  };
  return {
    service,
    history,
    report: (profileId, format) => reportFor(history, profileId, format),
    verifyCurrentToken,
  };
}
