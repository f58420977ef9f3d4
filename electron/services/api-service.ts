import { MASK } from '../../shared/mask';
import type { ApiResult } from '../../shared/results';
import { joinUrl, originOf } from '../../shared/team-url';
import type { Failure, WireRequest } from '../../shared/wire';
import type { HttpTransport } from './http-transport';
import type { ProfileService } from './profile-service';
import type { RequestRegistry } from './request-registry';
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
}

function failed(failure: Failure): ApiResult {
  return { request: null, response: null, failure, needsConfirmation: null };
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Calls a team API with the profile's current token. */
export class ApiService {
  constructor(
    private readonly profiles: ProfileService,
    private readonly tokens: TokenService,
    private readonly settings: SettingsService,
    private readonly registry: RequestRegistry,
    private readonly http: HttpTransport,
  ) {}

  /** A path is resolved against the profile's base URL; a full http(s) URL is taken as it is. */
  resolveUrl(input: string, baseUrl: string | null): string | Failure {
    const text = input.trim();
    const invalid = (message: string): Failure => ({
      step: 'prepare',
      kind: 'invalid-input',
      title: 'URL is not valid',
      message,
      hint: 'Enter a path such as /api/external/members or a full https:// URL.',
    });
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
      try {
        const u = new URL(text);
        if (u.protocol !== 'http:' && u.protocol !== 'https:')
          return invalid(`URL must use http or https, not ${u.protocol}`);
        return u.toString();
      } catch {
        return invalid(`URL "${text}" cannot be parsed.`);
      }
    }
    if (!baseUrl) return invalid('The profile has no base URL to resolve a path against.');
    try {
      return new URL(joinUrl(baseUrl, text)).toString();
    } catch {
      return invalid(`Path "${text}" cannot be joined to ${baseUrl}.`);
    }
  }

  async send(input: ApiRequestInput): Promise<ApiResult> {
    const profile = this.profiles.get(input.profileId);
    const baseUrl = await this.tokens.baseUrlFor(profile);
    const url = this.resolveUrl(input.url, baseUrl);
    if (typeof url !== 'string') return failed(url);

    const headers: [string, string][] = [];
    for (const h of input.headers) {
      if (!h.enabled || h.name.trim() === '') continue;
      if (!headerName.test(h.name.trim())) {
        return failed({
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

    const token = this.tokens.current(profile.id);
    if (!userAuthorization) {
      if (!token) {
        return failed({
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
        };
      }
      headers.push(['Authorization', `Bearer ${token.accessToken}`]);
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
    const { timeoutSeconds } = this.settings.get();
    const outcome = await this.registry.run(input.requestId, (signal) =>
      this.http.send(wire, { timeoutSeconds, signal, step: 'api-call' }),
    );
    return {
      request: shown,
      response: outcome.response,
      failure: outcome.failure,
      needsConfirmation: null,
    };
  }
}
