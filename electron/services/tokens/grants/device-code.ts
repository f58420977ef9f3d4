import { randomUUID } from 'node:crypto';
import { nextDevicePoll } from '../../shared/device-poll';
import type { DeviceStart } from '../../shared/grant-results';
import type { TokenResult } from '../../shared/results';
import { buildScopeString } from '../../shared/scope-string';
import { readTokenResponse } from '../../shared/token-response';
import type { OpenExternal } from './authorization-code-flow';
import type { DiscoveryService } from './discovery-service';
import { pause } from './abortable-pause';
import { WorkbenchInputError } from './errors';
import type { RequestRegistry } from './request-registry';
import type { TokenContext, TokenService } from './token-service';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceAttempt {
  ctx: TokenContext;
  deviceCode: string;
  interval: number;
  expiresAt: number;
}

/** RFC 8628: device authorization, then polling the token endpoint at the announced interval. */
export class DeviceFlow {
  private readonly attempts = new Map<string, DeviceAttempt>();

  constructor(
    private readonly tokens: TokenService,
    private readonly discovery: DiscoveryService,
    private readonly registry: RequestRegistry,
    private readonly openExternal: OpenExternal | undefined,
    private readonly now: () => number = Date.now,
    /** Tests shorten the wait between polls; the interval itself is still tracked in seconds. */
    private readonly secondMs = 1000,
  ) {}

  async start(profileId: string, requestId: string): Promise<DeviceStart> {
    const prepared = await this.tokens.context(profileId);
    if (!('profile' in prepared)) {
      const f = prepared.failure;
      throw new WorkbenchInputError(
        `Device code: ${f?.title ?? ''}. ${f?.message ?? ''} ${f?.hint ?? ''}`.trim(),
      );
    }
    const { profile, baseUrl } = prepared;
    return this.registry.run(requestId, async (signal) => {
      const discovery = await this.discovery.discover(baseUrl, profile.tokenUrl || null, signal);
      const endpoint = discovery.endpoints.deviceAuthorization.url;
      const tokenUrl = discovery.endpoints.token.url;
      if (!endpoint || !tokenUrl) {
        throw new WorkbenchInputError(
          'Device code: the server announces no device_authorization_endpoint in its discovery document, so the device code grant cannot start.',
        );
      }
      const scope = buildScopeString(profile.scopes);
      const ctx = { ...prepared, tokenUrl };
      const built = this.tokens.build(
        { ...ctx, profile: { ...profile, paramsAs: 'form' } },
        scope ? [['scope', scope]] : [],
        endpoint,
      );
      const sent = await this.tokens.sendRaw(built.wire, signal);
      if (!sent.response) {
        throw new WorkbenchInputError(
          `Device authorization: ${sent.failure.title}. ${sent.failure.hint}`,
        );
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(sent.response.bodyText) as Record<string, unknown>;
      } catch {
        body = {};
      }
      if (sent.response.status !== 200 || typeof body.device_code !== 'string') {
        const read = readTokenResponse(sent.response);
        const f = read.failure;
        throw new WorkbenchInputError(
          `Device authorization endpoint answered ${sent.response.status}${f?.error ? ` ${f.error}` : ''}: ${f?.message ?? 'no device code'}`,
        );
      }
      const interval = typeof body.interval === 'number' && body.interval > 0 ? body.interval : 5;
      const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 600;
      const attemptId = randomUUID();
      const expiresAt = this.now() + expiresIn * 1000;
      this.attempts.set(attemptId, { ctx, deviceCode: body.device_code, interval, expiresAt });
      setTimeout(() => this.attempts.delete(attemptId), expiresIn * 1000 + 60_000).unref();
      const verificationUri = String(body.verification_uri ?? '');
      const complete =
        typeof body.verification_uri_complete === 'string' ? body.verification_uri_complete : null;
      return {
        attemptId,
        userCode: String(body.user_code ?? ''),
        verificationUri,
        verificationUriComplete: complete,
        interval,
        expiresAt,
        openedExternally: false,
      };
    });
  }

  /** Polls until a token, a final error, the code's expiry, or Cancel. */
  async poll(attemptId: string, requestId: string): Promise<TokenResult> {
    const attempt = this.attempts.get(attemptId);
    if (!attempt) {
      throw new WorkbenchInputError(
        'This device sign-in is over (completed, expired or cancelled). Press Get token to start again.',
        'attemptId',
      );
    }
    return this.registry.run(requestId, async (signal) => {
      let last: TokenResult | null = null;
      for (;;) {
        const left = attempt.expiresAt - this.now();
        const wait = attempt.interval * this.secondMs;
        if (left <= 0 || !(await pause(Math.min(wait, Math.max(left, 0)), signal))) break;
        if (this.now() >= attempt.expiresAt) break;
        const { result } = await this.tokens.exchange(
          attempt.ctx,
          [
            ['grant_type', DEVICE_GRANT],
            ['device_code', attempt.deviceCode],
          ],
          signal,
          { maskInRequest: [attempt.deviceCode] },
        );
        last = result;
        const step = nextDevicePoll(
          { issued: result.token !== null, error: result.failure?.error ?? null },
          attempt.interval,
        );
        if (step.kind === 'done') {
          this.attempts.delete(attemptId);
          return result;
        }
        if (step.kind === 'stop') {
          this.attempts.delete(attemptId);
          return result.failure
            ? {
                ...result,
                failure: { ...result.failure, hint: `${step.reason} ${result.failure.hint}` },
              }
            : result;
        }
        attempt.interval = step.intervalSeconds;
      }
      const cancelled = signal.aborted;
      if (!cancelled) this.attempts.delete(attemptId);
      return {
        request: last?.request ?? null,
        response: last?.response ?? null,
        token: null,
        failure: {
          step: 'authorization',
          kind: cancelled ? 'cancelled' : 'timeout',
          title: cancelled ? 'Device sign-in: polling stopped' : 'Device code expired',
          message: cancelled
            ? 'Polling was cancelled; the code stays valid until it expires.'
            : 'The user did not finish signing in before the device code expired.',
          hint: 'Press Get token to start again.',
        },
      };
    });
  }
}
