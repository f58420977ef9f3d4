import { randomUUID } from 'node:crypto';
import { buildAuthorizationUrl } from '../../../../shared/authorization-url';
import type { AuthorizationStart } from '../../../../shared/grant-results';
import type { TokenResult } from '../../../../shared/results';
import { buildScopeString } from '../../../../shared/scope-string';
import type { Failure } from '../../../../shared/wire';
import type { DiscoveryService } from '../../discovery-service';
import { WorkbenchInputError } from '../../errors';
import {
  startLoopbackReceiver,
  type LoopbackReceiver,
  type ReceiverOutcome,
} from '../../loopback-receiver';
import { createPkce, createState } from '../../pkce';
import type { RequestRegistry } from '../../request-registry';
import type { EndpointClient } from '../endpoint-client';
import { isContext, type TokenContext, type TokenContexts } from '../token-context';

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

export interface AuthorizationCodeDeps {
  contexts: TokenContexts;
  client: EndpointClient;
  discovery: DiscoveryService;
  registry: RequestRegistry;
  /** Absent where the host cannot open the system browser (the browser host). */
  openExternal: OpenExternal | undefined;
}

/** RFC 6749 §4.1 with PKCE S256 and a loopback redirect receiver (RFC 8252). */
export class AuthorizationCodeFlow {
  private readonly attempts = new Map<string, Attempt>();

  constructor(private readonly deps: AuthorizationCodeDeps) {}

  /** The profile a sign-in attempt belongs to (null once it is over). */
  profileOf(attemptId: string): string | null {
    return this.attempts.get(attemptId)?.ctx.profile.id ?? null;
  }

  async start(profileId: string, requestId: string): Promise<AuthorizationStart> {
    const { ctx, discovery } = await this.deps.registry.run(requestId, async (signal) => {
      const prepared = await this.deps.contexts.prepare(profileId, signal);
      if (!isContext(prepared)) {
        const f = prepared.failure;
        throw new WorkbenchInputError(
          `${f?.title ?? 'Cannot start'}: ${f?.message ?? ''} ${f?.hint ?? ''}`.trim(),
        );
      }
      const view = await this.deps.discovery.discover(
        prepared.baseUrl,
        prepared.profile.tokenUrl || null,
        signal,
      );
      // The token endpoint shown is the one every call uses (see endpoint-resolver.ts).
      const endpoints = { ...view.endpoints, token: prepared.endpoint };
      return { ctx: prepared, discovery: { ...view, endpoints } };
    });
    const { profile } = ctx;
    const authorizationEndpoint = discovery.endpoints.authorization.url;
    if (!authorizationEndpoint) {
      throw new WorkbenchInputError('The server has no authorization endpoint.');
    }
    const state = createState();
    const { verifier, challenge } = createPkce();
    const receiver = await startLoopbackReceiver({
      port: profile.redirectPort,
      path: profile.redirectPath,
      state,
    });
    const attemptId = randomUUID();
    this.attempts.set(attemptId, { ctx, receiver, verifier });
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
    const openedExternally = this.deps.openExternal?.(authorizationUrl) ?? false;
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
    return this.deps.registry.run(requestId, async (signal) => {
      const outcome = await attempt.receiver.wait(signal);
      this.attempts.delete(attemptId);
      if (outcome.kind !== 'code') {
        const failed = { request: null, response: null, token: null };
        const settled = await this.deps.client.settle(
          { ctx: attempt.ctx, trigger: 'authorization-code', keep: 'current' },
          { ...failed, failure: authorizationFailure(outcome), endpoint: attempt.ctx.endpoint },
        );
        return settled.result;
      }
      const { result } = await this.deps.client.call({
        ctx: attempt.ctx,
        params: [
          ['grant_type', 'authorization_code'],
          ['code', outcome.code],
          ['redirect_uri', attempt.receiver.redirectUri],
          ['code_verifier', attempt.verifier],
        ],
        trigger: 'authorization-code',
        signal,
        keep: 'current',
        hidden: [outcome.code, attempt.verifier],
      });
      return result;
    });
  }
}
