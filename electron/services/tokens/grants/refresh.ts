import type { TokenResult } from '../../../../shared/results';
import type { RefreshTokenStore } from '../../refresh-token-store';
import type { RequestRegistry } from '../../request-registry';
import type { EndpointClient, TokenTrigger } from '../endpoint-client';
import { isContext, prepareFailure, type TokenContexts } from '../token-context';

export interface RefreshDeps {
  contexts: TokenContexts;
  client: EndpointClient;
  registry: RequestRegistry;
  refreshTokens: RefreshTokenStore;
}

/** RFC 6749 §6 with the profile's authentication method; scope is not sent again. */
export class RefreshGrant {
  constructor(private readonly deps: RefreshDeps) {}

  refresh(
    profileId: string,
    requestId: string,
    trigger: TokenTrigger = 'refresh',
  ): Promise<TokenResult> {
    return this.deps.registry.run(requestId, async (signal) => {
      const refused = (result: TokenResult) =>
        this.deps.client.unsent(
          this.deps.contexts.profile(profileId),
          { trigger, keep: 'current' },
          result,
        );
      const ctx = await this.deps.contexts.prepare(profileId, signal);
      if (!isContext(ctx)) return refused(ctx);
      const refreshToken = await this.deps.refreshTokens.get(profileId);
      if (refreshToken === null) {
        return refused(
          prepareFailure(
            'No refresh token',
            'No refresh token is kept for this profile: the server sent none, or it was used up.',
            'Sign in again with Get token.',
          ),
        );
      }
      const { result } = await this.deps.client.call({
        ctx,
        params: [
          ['grant_type', 'refresh_token'],
          ['refresh_token', refreshToken],
        ],
        trigger,
        signal,
        keep: 'current',
        hidden: [refreshToken],
        reword: (failure) =>
          failure.kind === 'oauth-error' && failure.error === 'invalid_grant'
            ? {
                ...failure,
                title: 'Refresh refused: sign in again',
                hint: 'The refresh token is expired, revoked (Edit Profile > OAuth Client Management) or was issued to another client. Press Get token to sign in again.',
              }
            : failure,
      });
      if (result.failure?.kind === 'oauth-error' && result.failure.error === 'invalid_grant') {
        await this.deps.refreshTokens.delete(profileId);
      }
      return result;
    });
  }
}
