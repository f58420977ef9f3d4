import type { TokenStateEvent } from '../../../shared/events';
import type { StoredProfile } from '../../../shared/profile';
import type { TokenResult, TokenView } from '../../../shared/results';
import type { BuiltRequests } from './built-requests';
import type { CurrentTokens } from './current-tokens';
import type { EndpointResolver, TokenEndpoint } from './endpoint-resolver';
import type { LastTokenShapes } from './last-token-shapes';
import type { ClientCredentialsGrant, ClientCredentialsOptions } from './grants/client-credentials';
import type { RefreshGrant } from './grants/refresh';
import type { TokenContexts } from './token-context';

export interface TokenServiceDeps {
  contexts: TokenContexts;
  current: CurrentTokens;
  endpoints: EndpointResolver;
  clientCredentials: ClientCredentialsGrant;
  refreshGrant: RefreshGrant;
  /** Requests built per profile (holding its secret): dropped with the profile. */
  built?: BuiltRequests;
  /** How the profile's last token was asked for: dropped with the profile. */
  lastTokens?: LastTokenShapes;
}

/**
 * What the rest of the app asks of the token pipeline: get a token (client credentials, with the
 * profile's scopes or a list of its own), refresh, and read the current state of a profile.
 */
export class TokenService {
  constructor(private readonly deps: TokenServiceDeps) {}

  /**
   * Client credentials through the pipeline. `options.scopes` asks for other scopes than the
   * profile's; `options.keep: 'none'` leaves the profile's current token alone.
   */
  getToken(
    profileId: string,
    requestId: string,
    options?: ClientCredentialsOptions,
  ): Promise<TokenResult> {
    return this.deps.clientCredentials.get(profileId, requestId, options);
  }

  refresh(profileId: string, requestId: string): Promise<TokenResult> {
    return this.deps.refreshGrant.refresh(profileId, requestId);
  }

  /** The token valid now (with renewal state), or null. */
  current(profileId: string): TokenView | null {
    return this.deps.current.current(profileId);
  }

  /** Token plus last attempt, as pushed in `tokenState`. */
  state(profileId: string): TokenStateEvent {
    return this.deps.current.state(profileId);
  }

  /** The token endpoint already resolved for a profile (null before its first call). */
  knownEndpoint(profile: StoredProfile): TokenEndpoint | null {
    return this.deps.endpoints.known(profile);
  }

  /** Base URL in effect for a profile, starting the sandbox when the profile needs it. */
  baseUrlFor(profile: StoredProfile): Promise<string | null> {
    return this.deps.contexts.baseUrlFor(profile);
  }

  forget(profileId: string): void {
    this.deps.endpoints.forget(profileId);
    this.deps.current.forget(profileId);
    this.deps.built?.forget(profileId);
    this.deps.lastTokens?.forget(profileId);
  }
}
