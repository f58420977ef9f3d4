import type { TokenResult } from '../../../../shared/results';
import { buildScopeString } from '../../../../shared/scope-string';
import type { RequestRegistry } from '../../request-registry';
import type { EndpointClient, TokenTrigger } from '../endpoint-client';
import { isContext, prepareFailure, type ProfileDraft, type TokenContexts } from '../token-context';

export interface ClientCredentialsOptions {
  /** What made the call (shown with the token state); `get-token` by default. */
  trigger?: TokenTrigger;
  /** Scopes to ask for instead of the profile's (the client check asks for its own lists). */
  scopes?: readonly string[];
  /** `none`: the token is returned but does not become the profile's current one. */
  keep?: 'current' | 'none';
  /** Tries another secret than the saved one ("Secret regenerated"). */
  secret?: string;
  /** "Get token without saving": the unsaved fields (and secret) for this one request. */
  draft?: ProfileDraft;
}

export interface ClientCredentialsDeps {
  contexts: TokenContexts;
  client: EndpointClient;
  registry: RequestRegistry;
}

export function clientCredentialsParams(scopes: readonly string[]): [string, string][] {
  const scope = buildScopeString([...scopes]);
  const params: [string, string][] = [['grant_type', 'client_credentials']];
  if (scope !== undefined) params.push(['scope', scope]);
  return params;
}

/** RFC 6749 §4.4: the grant the first version built, through the one pipeline. */
export class ClientCredentialsGrant {
  constructor(private readonly deps: ClientCredentialsDeps) {}

  get(
    profileId: string,
    requestId: string,
    options: ClientCredentialsOptions = {},
  ): Promise<TokenResult> {
    const trigger = options.trigger ?? 'get-token';
    const keep = options.keep ?? 'current';
    return this.deps.registry.run(requestId, async (signal) => {
      const refused = (result: TokenResult) =>
        this.deps.client.unsent(
          this.deps.contexts.profile(profileId, options.draft),
          { trigger, keep },
          result,
        );
      const ctx = await this.deps.contexts.prepare(profileId, signal, options.draft);
      if (!isContext(ctx)) return refused(ctx);
      const { profile } = ctx;
      if (profile.grantType !== 'client_credentials') {
        return refused(
          prepareFailure(
            'This grant needs a sign-in',
            `The profile uses the ${profile.grantType === 'device_code' ? 'device code' : 'authorization code'} grant: a user signs in first.`,
            'Press Get token in the app to start the sign-in, or set Grant type to Client credentials.',
          ),
        );
      }
      if ((options.secret ?? ctx.secret) === undefined) {
        return refused(
          prepareFailure(
            'No client secret',
            'The client credentials grant needs the client secret; a public client (authentication method none) cannot use it.',
            'Enter the Client secret from Admin & Settings > Applications, choose client_secret_basic or client_secret_post, and save the profile.',
          ),
        );
      }
      const scopes = options.scopes ?? profile.scopes;
      const { result } = await this.deps.client.call({
        ctx,
        params: clientCredentialsParams(scopes),
        trigger,
        signal,
        keep,
        requestedScopes: scopes,
        secret: options.secret,
      });
      return result;
    });
  }
}
