import { diagnoseApi, type AuthMode } from '../../shared/diagnosis/api-rules';
import type { ResendRequest } from '../../shared/history';
import { MASK, maskedPreview } from '../../shared/mask';
import type { StoredProfile } from '../../shared/profile';
import type { ApiResult } from '../../shared/results';
import { resolveApiUrl } from '../../shared/api-url';
import { originOf } from '../../shared/team-url';
import type { Failure, WireRequest } from '../../shared/wire';
import type { HistoryService } from './history-service';
import type { HttpTransport } from './http-transport';
import type { ProfileService } from './profile-service';
import type { RequestRegistry } from './request-registry';
import type { ResponseStore } from './responses/response-store';
import type { SecretVault } from './secret-vault';
import type { SettingsService } from './settings-service';
import type { TokenService } from './token-service';

export interface ApiRequestInput {
  profileId: string;
  requestId: string;
  method: string;
  url: string;
  headers: { name: string; value: string; enabled: boolean }[];
  body: string;
  allowOtherOrigin: boolean;
  /** How the request authenticates; absent = the profile's current OAuth token. */
  auth?: 'token' | 'apiKey' | 'none';
  apiKeyScheme?: 'Bearer' | 'AppKey';
}

/** The API service's collaborators, as one deps object. */
export interface ApiServiceDeps {
  profiles: ProfileService;
  tokens: TokenService;
  settings: SettingsService;
  registry: RequestRegistry;
  http: HttpTransport;
  responses: ResponseStore;
  history: HistoryService;
  vault: SecretVault;
  now: () => number;
}

/** Text of a body the renderer gets inline; the rest is read in pages from the store. */
const INLINE_BODY_CHARS = 64 * 1024;
/** Real (unmasked) requests kept for "Copy as curl" with secrets, by call id, this run only. */
const REAL_REQUESTS_KEPT = 50;

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function apiKeyAccount(profileId: string): string {
  return `api-key:${profileId}`;
}

/** Calls a team API with the profile's current token (or an API key), and diagnoses the answer. */
export class ApiService {
  private readonly realRequests = new Map<string, WireRequest>();

  constructor(private readonly deps: ApiServiceDeps) {}

  async apiKeyStatus(profileId: string): Promise<{ hasApiKey: boolean; preview: string | null }> {
    this.deps.profiles.get(profileId);
    const key = await this.deps.vault.get(apiKeyAccount(profileId));
    return { hasApiKey: key !== null, preview: key === null ? null : maskedPreview(key) };
  }

  /** Keeps an API key in the vault (keychain); null removes it. Never written to the store. */
  async setApiKey(
    profileId: string,
    apiKey: string | null,
  ): Promise<{ hasApiKey: boolean; preview: string | null }> {
    this.deps.profiles.get(profileId);
    if (apiKey === null || apiKey.trim() === '') {
      await this.deps.vault.delete(apiKeyAccount(profileId)).catch(() => undefined);
    } else {
      await this.deps.vault.set(apiKeyAccount(profileId), apiKey.trim());
    }
    return this.apiKeyStatus(profileId);
  }

  /** The profile's secrets this run (client secret, current token, API key): kept off disk. */
  async knownSecrets(profileId: string): Promise<string[]> {
    const values = [
      await this.deps.profiles.getSecret(profileId).catch(() => null),
      await this.deps.vault.get(apiKeyAccount(profileId)).catch(() => null),
      this.deps.tokens.current(profileId)?.accessToken ?? null,
    ];
    return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
  }

  /** The request as sent, secrets included, for "Copy as curl" with secrets (this run only). */
  realRequest(callId: string): WireRequest | null {
    return this.realRequests.get(callId) ?? null;
  }

  async send(input: ApiRequestInput): Promise<ApiResult> {
    const profile = this.deps.profiles.get(input.profileId);
    const auth = input.auth ?? 'token';
    const sentAt = this.deps.now();
    const token = this.deps.tokens.current(profile.id);
    const fail = (failure: Failure, request: WireRequest | null = null) =>
      this.finish(profile, input, auth, sentAt, { request, real: null, response: null, failure });

    const baseUrl = await this.deps.tokens.baseUrlFor(profile);
    const url = resolveApiUrl(input.url, baseUrl);
    if (typeof url !== 'string') return fail(url);

    const headers: [string, string][] = [];
    for (const h of input.headers) {
      if (!h.enabled || h.name.trim() === '') continue;
      if (!headerName.test(h.name.trim())) {
        return fail({
          step: 'prepare',
          kind: 'invalid-input',
          title: 'Header name is not valid',
          message: `Header "${h.name}" contains characters HTTP does not allow in a name.`,
          hint: 'Use letters, digits and dashes, e.g. Accept or X-Request-Id.',
        });
      }
      headers.push([h.name.trim(), h.value]);
    }
    const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
    const userAuthorization = has('authorization');
    let apiKey: string | null = null;

    if (!userAuthorization && auth === 'token') {
      if (!token) {
        return fail({
          step: 'prepare',
          kind: 'no-token',
          title: 'No token yet',
          message: 'There is no access token for this profile, so the request was not sent.',
          hint: 'Press Get token first (or add your own Authorization header to send without one).',
        });
      }
      const targetOrigin = originOf(url) ?? url;
      if (targetOrigin !== token.origin && !input.allowOtherOrigin) {
        return {
          request: null,
          response: null,
          failure: null,
          needsConfirmation: { targetOrigin, profileOrigin: token.origin },
          diagnosis: [],
        };
      }
      headers.push(['Authorization', `Bearer ${token.accessToken}`]);
    }
    if (!userAuthorization && auth === 'apiKey') {
      apiKey = await this.deps.vault.get(apiKeyAccount(profile.id));
      if (apiKey === null) {
        return fail({
          step: 'prepare',
          kind: 'invalid-input',
          title: 'No API key saved',
          message: 'Auth is set to API key, but no key is saved for this profile.',
          hint: 'Enter the API key under Auth and save it (it is kept in the keychain).',
        });
      }
      headers.push(['Authorization', `${input.apiKeyScheme ?? 'Bearer'} ${apiKey}`]);
    }
    if (!has('accept')) headers.push(['Accept', 'application/json, */*;q=0.5']);

    const withBody = !['GET', 'HEAD'].includes(input.method) && input.body.length > 0;
    let body: WireRequest['body'];
    if (withBody) {
      const declared = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
      const contentType =
        declared ?? (/^\s*[[{]/.test(input.body) ? 'application/json' : 'text/plain');
      if (!declared) headers.push(['Content-Type', contentType]);
      body = { contentType, text: input.body };
    }
    const wire: WireRequest = { method: input.method, url, headers, body };
    const shown: WireRequest = {
      ...wire,
      headers: headers.map(([k, v]) =>
        k.toLowerCase() === 'authorization' ? [k, `${v.split(' ')[0] ?? ''} ${MASK}`] : [k, v],
      ),
    };
    const { timeoutSeconds } = this.deps.settings.get();
    const collector = this.deps.responses.collector();
    const outcome = await this.deps.registry.run(input.requestId, (signal) =>
      this.deps.http.send(wire, {
        timeoutSeconds,
        signal,
        step: 'api-call',
        onBodyChunk: (chunk) => collector.push(chunk),
      }),
    );
    const stored = outcome.response ? collector.finish(outcome.response.contentType) : null;
    return this.finish(
      profile,
      input,
      auth,
      sentAt,
      { request: shown, real: wire, response: outcome.response, failure: outcome.failure },
      stored,
      apiKey,
    );
  }

  private finish(
    profile: StoredProfile,
    input: ApiRequestInput,
    auth: 'token' | 'apiKey' | 'none',
    sentAt: number,
    call: Pick<ApiResult, 'request' | 'response' | 'failure'> & { real: WireRequest | null },
    body: ApiResult['body'] = null,
    apiKey: string | null = null,
  ): ApiResult {
    const token = this.deps.tokens.current(profile.id);
    const custom = input.headers.some(
      (h) => h.enabled && h.name.trim().toLowerCase() === 'authorization',
    );
    const authMode: AuthMode = custom ? 'custom' : auth;
    const diagnosis = diagnoseApi({
      request: call.request,
      response: call.response,
      failure: call.failure,
      token,
      authMode,
      sentAt,
    });
    const resend: ResendRequest = {
      method: input.method,
      url: input.url,
      headers: input.headers,
      body: input.body,
      auth,
      apiKeyScheme: input.apiKeyScheme ?? 'Bearer',
    };
    const entry = this.deps.history.add(
      {
        profileId: profile.id,
        profileName: profile.name,
        kind: 'api',
        method: input.method,
        url: call.request?.url ?? input.url,
        status: call.response?.status ?? null,
        outcome: !call.response ? 'failed' : call.response.status >= 400 ? 'error' : 'ok',
        durationMs: call.response?.timings.totalMs ?? null,
        request: call.request,
        response: call.response,
        failure: call.failure,
        diagnosis,
        resend,
      },
      [token?.accessToken, apiKey, ...customAuthorizationValues(input)],
    );
    if (call.real) {
      this.realRequests.set(entry.id, call.real);
      for (const key of this.realRequests.keys()) {
        if (this.realRequests.size <= REAL_REQUESTS_KEPT) break;
        this.realRequests.delete(key);
      }
    }
    const response = call.response && {
      ...call.response,
      bodyText:
        call.response.bodyText.length > INLINE_BODY_CHARS
          ? call.response.bodyText.slice(0, INLINE_BODY_CHARS)
          : call.response.bodyText,
      truncated: call.response.truncated || call.response.bodyText.length > INLINE_BODY_CHARS,
    };
    return {
      request: call.request,
      response,
      failure: call.failure,
      needsConfirmation: null,
      diagnosis,
      body,
      callId: entry.id,
    };
  }
}

/** Values of Authorization headers the user typed: masked in history like any secret. */
function customAuthorizationValues(input: ApiRequestInput): string[] {
  return input.headers
    .filter((h) => h.name.trim().toLowerCase() === 'authorization')
    .flatMap((h) => [h.value, h.value.split(' ').slice(1).join(' ')]);
}
