import type { EndpointSource } from '../../../shared/grant-results';
import { conventionalPaths } from '../../../shared/discovery';
import type { StoredProfile } from '../../../shared/profile';
import { joinUrl } from '../../../shared/team-url';
import type { DiscoveryService } from '../discovery-service';

/** The one token endpoint of a profile, and where that answer came from. */
export interface TokenEndpoint {
  url: string;
  source: EndpointSource;
  /** `token_endpoint_auth_methods_supported` from discovery, when it listed any. */
  authMethods?: string[];
}

export interface EndpointResolverDeps {
  discovery: DiscoveryService;
}

/**
 * One endpoint resolution per profile, for every grant and both probes: the Token URL set on the
 * profile, else the discovered `token_endpoint` (OpenID discovery, then RFC 8414), else
 * `<base>/oauth2/token`. Cached per profile until the profile is saved again (its `updatedAt`
 * changes) or its Base URL changes; a discovery that got no answer at all is not cached.
 */
export class EndpointResolver {
  private readonly cache = new Map<string, { key: string; endpoint: TokenEndpoint }>();

  constructor(private readonly deps: EndpointResolverDeps) {}

  async resolve(
    profile: StoredProfile,
    baseUrl: string,
    signal: AbortSignal,
  ): Promise<TokenEndpoint> {
    if (profile.tokenUrl) return { url: profile.tokenUrl, source: 'profile' };
    const key = `${profile.updatedAt} ${baseUrl}`;
    const cached = this.cache.get(profile.id);
    if (cached?.key === key) return cached.endpoint;
    // Asked afresh: a saved profile may point at a server that changed its metadata.
    const view = await this.deps.discovery.discover(baseUrl, null, signal, true);
    const found = view.metadata?.tokenEndpoint ?? null;
    const endpoint: TokenEndpoint = found
      ? { url: found, source: 'discovery' }
      : { url: joinUrl(baseUrl, conventionalPaths.token), source: 'conventional' };
    const authMethods = view.metadata?.authMethods ?? [];
    if (authMethods.length > 0) endpoint.authMethods = [...authMethods];
    const answered = view.attempts.some((a) => a.status !== null);
    if (answered) this.cache.set(profile.id, { key, endpoint });
    return endpoint;
  }

  /** What is known without a network call (the UI shows it before the first token request). */
  known(profile: StoredProfile): TokenEndpoint | null {
    if (profile.tokenUrl) return { url: profile.tokenUrl, source: 'profile' };
    const cached = this.cache.get(profile.id);
    return cached?.key.startsWith(`${profile.updatedAt} `) ? cached.endpoint : null;
  }

  forget(profileId: string): void {
    this.cache.delete(profileId);
  }
}
