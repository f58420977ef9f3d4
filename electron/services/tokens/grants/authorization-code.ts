import { randomUUID } from 'node:crypto';
import { buildAuthorizationUrl } from '../../shared/authorization-url';
import type { AuthorizationStart } from '../../shared/grant-results';
import type { TokenResult } from '../../shared/results';
import { buildScopeString } from '../../shared/scope-string';
import type { Failure } from '../../shared/wire';
import type { DiscoveryService } from './discovery-service';
import { WorkbenchInputError } from './errors';
import {
  startLoopbackReceiver,
  type LoopbackReceiver,
  type ReceiverOutcome,
} from './loopback-receiver';
import { createPkce, createState } from './pkce';
import type { RequestRegistry } from './request-registry';
import type { TokenContext, TokenService } from './token-service';

interface Attempt {
  ctx: TokenContext;
  receiver: LoopbackReceiver;
  verifier: string;
}

/** Opens a URL in the system browser; absent where the host cannot (the browser host). */
export type OpenExternal = (url: string) => boolean;

function authorizationFailure(outcome: Exclude<ReceiverOutcome, { kind: 'code' }>): Failure {
  const step = 'authorization' as const;
  switch (outcome.kind) {
    case 'timeout':
      return {
        step,
        kind: 'timeout',
        title: 'Sign-in timed out',
        message: 'No callback reached the redirect receiver in time; it is closed now.',
        hint: 'Press Get token to start again and finish the sign-in in the browser within 5 minutes.',
      };
    case 'cancelled':
      return {
        step,
        kind: 'cancelled',
        title: 'Sign-in cancelled',
        message: 'The redirect receiver is closed; nothing was exchanged.',
        hint: 'Press Get token to start again.',
      };
    case 'bad-state':
      return {
        step,
        kind: 'state-mismatch',
        title: 'Callback refused: state does not match',
        message: `${outcome.reason} Nothing was exchanged.`,
        hint: 'The callback did not come from this sign-in attempt (an old browser tab, or a forged link). Press Get token to start again.',
      };
    case 'error':
      return {
        step,
        kind: 'oauth-error',
        title: `Authorization endpoint answered: ${outcome.error}`,
        message: outcome.description ?? `The server redirected back with error "${outcome.error}".`,
        hint:
          outcome.error === 'access_denied'
            ? 'The user declined consent, or the client may not be used by this user.'
            : outcome.error === 'invalid_scope'
              ? 'A requested scope is not defined on this client (Admin & Settings > Applications).'
              : 'Check the Redirect URI registered on the client, the scopes, and the grant type.',
        error: outcome.error,
        ...(outcome.description ? { errorDescription: outcome.description } : {}),
      };
  }
}

/** RFC 6749 §4.1 with PKCE S256 and a loopback redirect receiver (RFC 8252). */
export class AuthorizationCodeFlow {
  private readonly attempts = new Map<string, Attempt>();

  constructor(
    private readonly tokens: TokenService,
    private readonly discovery: DiscoveryService,
    private readonly registry: RequestRegistry,
    private readonly openExternal: OpenExternal | undefined,
    private readonly receiverTimeoutMs?: number,
  ) {}

  async start(profileId: string, requestId: string): Promise<AuthorizationStart> {
    const prepared = await this.tokens.context(profileId);
    if (!('profile' in prepared)) {
      const f = prepared.failure;
      throw new WorkbenchInputError(
        `${f?.title ?? 'Cannot start'}: ${f?.message ?? ''} ${f?.hint ?? ''}`.trim(),
      );
    }
    const { profile, baseUrl } = prepared;
    const discovery = await this.registry.run(requestId, (signal) =>
      this.discovery.discover(baseUrl, profile.tokenUrl || null, signal),
    );
    const authorizationEndpoint = discovery.endpoints.authorization.url;
    const tokenUrl = discovery.endpoints.token.url;
    if (!authorizationEndpoint || !tokenUrl) {
      throw new WorkbenchInputError('The server has no authorization or token endpoint.');
    }
    const state = createState();
    const { verifier, challenge } = createPkce();
    const receiver = await startLoopbackReceiver({
      port: profile.redirectPort,
      path: profile.redirectPath,
      state,
      timeoutMs: this.receiverTimeoutMs,
    });
    const attemptId = randomUUID();
    this.attempts.set(attemptId, { ctx: { ...prepared, tokenUrl }, receiver, verifier });
    // Forget the attempt once its receiver has closed and nobody asked for it.
    setTimeout(
      () => this.attempts.delete(attemptId),
      receiver.expiresAt - Date.now() + 60_000,
    ).unref();
    const authorizationUrl = buildAuthorizationUrl({
      authorizationEndpoint,
      clientId: profile.clientId,
      redirectUri: receiver.redirectUri,
      scope: buildScopeString(profile.scopes),
      state,
      codeChallenge: challenge,
    });
    const openedExternally = this.openExternal?.(authorizationUrl) ?? false;
    return {
      attemptId,
      authorizationUrl,
      redirectUri: receiver.redirectUri,
      expiresAt: receiver.expiresAt,
      openedExternally,
      discovery,
    };
  }

  /** Waits for the one callback, then exchanges the code (scope is not sent again). */
  async complete(attemptId: string, requestId: string): Promise<TokenResult> {
    const attempt = this.attempts.get(attemptId);
    if (!attempt) {
      throw new WorkbenchInputError(
        'This sign-in attempt is over (completed, cancelled or timed out). Press Get token to start again.',
        'attemptId',
      );
    }
    return this.registry.run(requestId, async (signal) => {
      const outcome = await attempt.receiver.wait(signal);
      this.attempts.delete(attemptId);
      if (outcome.kind !== 'code') {
        return {
          request: null,
          response: null,
          token: null,
          failure: authorizationFailure(outcome),
        };
      }
      const { result } = await this.tokens.exchange(
        attempt.ctx,
        [
          ['grant_type', 'authorization_code'],
          ['code', outcome.code],
          ['redirect_uri', attempt.receiver.redirectUri],
          ['code_verifier', attempt.verifier],
        ],
        signal,
        { maskInRequest: [outcome.code, attempt.verifier] },
      );
      return result;
    });
  }
}
