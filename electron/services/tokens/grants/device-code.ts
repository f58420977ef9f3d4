import { randomUUID } from 'node:crypto';
import { nextDevicePoll } from '../../../../shared/device-poll';
import type { DeviceProgressEvent } from '../../../../shared/events';
import type { DeviceStart } from '../../../../shared/grant-results';
import type { TokenResult } from '../../../../shared/results';
import type { Failure } from '../../../../shared/wire';
import type { DiscoveryService } from '../../discovery-service';
import { WorkbenchInputError } from '../../errors';
import type { EventBus } from '../../events/event-bus';
import type { RequestRegistry } from '../../request-registry';
import type { Clock } from '../clock';
import type { EndpointClient } from '../endpoint-client';
import { isContext, type TokenContext, type TokenContexts } from '../token-context';
import { requestDeviceCode } from './device-authorization';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const STEP_ERRORS = new Set(['authorization_pending', 'slow_down']);

interface DeviceAttempt {
  ctx: TokenContext;
  deviceCode: string;
  interval: number;
  expiresAt: number;
  polls: number;
}

export interface DeviceCodeDeps {
  contexts: TokenContexts;
  client: EndpointClient;
  discovery: DiscoveryService;
  registry: RequestRegistry;
  events: EventBus;
  clock: Clock;
  sendRaw: Parameters<typeof requestDeviceCode>[0]['send'];
}

/** RFC 8628: device authorization, then polling the token endpoint at the announced interval. */
export class DeviceFlow {
  private readonly attempts = new Map<string, DeviceAttempt>();

  constructor(private readonly deps: DeviceCodeDeps) {}

  private progress(attemptId: string, a: DeviceAttempt, status: DeviceProgressEvent['status']) {
    const waiting = status === 'pending' || status === 'slow-down';
    this.deps.events.publish('deviceProgress', {
      attemptId,
      profileId: a.ctx.profile.id,
      status,
      polls: a.polls,
      nextPollInSeconds: waiting ? a.interval : null,
    });
  }

  async start(profileId: string, requestId: string): Promise<DeviceStart> {
    return this.deps.registry.run(requestId, async (signal) => {
      const ctx = await this.deps.contexts.prepare(profileId, signal);
      if (!isContext(ctx)) {
        const f = ctx.failure;
        throw new WorkbenchInputError(
          `Device code: ${f?.title ?? ''}. ${f?.message ?? ''} ${f?.hint ?? ''}`.trim(),
        );
      }
      const discovery = await this.deps.discovery.discover(
        ctx.baseUrl,
        ctx.profile.tokenUrl || null,
        signal,
      );
      const endpoint = discovery.endpoints.deviceAuthorization.url;
      if (!endpoint) {
        const tried = discovery.attempts.map((x) => x.url).join(', ');
        throw new WorkbenchInputError(
          discovery.foundAt
            ? 'Device code: the server announces no device_authorization_endpoint in its discovery document, so the device code grant cannot start.'
            : `Device code: no discovery document was found (tried ${tried}), so there is no device_authorization_endpoint and the device code grant cannot start.`,
        );
      }
      const answer = await requestDeviceCode({ ctx, endpoint, signal, send: this.deps.sendRaw });
      const attemptId = randomUUID();
      const expiresAt = this.deps.clock.now() + answer.expiresIn * 1000;
      const attempt: DeviceAttempt = {
        ctx,
        deviceCode: answer.deviceCode,
        interval: answer.interval,
        expiresAt,
        polls: 0,
      };
      this.attempts.set(attemptId, attempt);
      setTimeout(() => this.attempts.delete(attemptId), answer.expiresIn * 1000 + 60_000).unref();
      this.progress(attemptId, attempt, 'pending');
      return {
        attemptId,
        userCode: answer.userCode,
        verificationUri: answer.verificationUri,
        verificationUriComplete: answer.verificationUriComplete,
        interval: answer.interval,
        expiresAt,
        openedExternally: false,
      };
    });
  }

  /** The profile a device sign-in belongs to (null once it is over). */
  profileOf(attemptId: string): string | null {
    return this.attempts.get(attemptId)?.ctx.profile.id ?? null;
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
    const { clock, client } = this.deps;
    const call = { ctx: attempt.ctx, trigger: 'device' as const, keep: 'current' as const };
    return this.deps.registry.run(requestId, async (signal) => {
      let last: TokenResult | null = null;
      for (;;) {
        const left = attempt.expiresAt - clock.now();
        const wait = attempt.interval * 1000;
        if (left <= 0 || !(await clock.pause(Math.min(wait, Math.max(left, 0)), signal))) break;
        if (clock.now() >= attempt.expiresAt) break;
        attempt.polls++;
        const { result } = await client.call({
          ...call,
          params: [
            ['grant_type', DEVICE_GRANT],
            ['device_code', attempt.deviceCode],
          ],
          signal,
          hidden: [attempt.deviceCode],
          intermediate: (failure) => STEP_ERRORS.has(failure?.error ?? ''),
          // Where polling stops, the reason goes with the server's words (recorded as shown).
          reword: (failure) => {
            const step = nextDevicePoll(
              { issued: false, error: failure.error ?? null },
              attempt.interval,
            );
            return step.kind === 'stop'
              ? { ...failure, hint: `${step.reason} ${failure.hint}` }
              : failure;
          },
        });
        last = result;
        const step = nextDevicePoll(
          { issued: result.token !== null, error: result.failure?.error ?? null },
          attempt.interval,
        );
        if (step.kind === 'done') {
          this.attempts.delete(attemptId);
          this.progress(attemptId, attempt, 'done');
          return result;
        }
        if (step.kind === 'stop') {
          this.attempts.delete(attemptId);
          const denied = result.failure?.error === 'access_denied';
          this.progress(attemptId, attempt, denied ? 'denied' : 'failed');
          return result;
        }
        const slowed = step.intervalSeconds > attempt.interval;
        attempt.interval = step.intervalSeconds;
        this.progress(attemptId, attempt, slowed ? 'slow-down' : 'pending');
      }
      const cancelled = signal.aborted;
      if (!cancelled) this.attempts.delete(attemptId);
      this.progress(attemptId, attempt, cancelled ? 'cancelled' : 'expired');
      const failure: Failure = {
        step: 'authorization',
        kind: cancelled ? 'cancelled' : 'timeout',
        title: cancelled ? 'Device sign-in: polling stopped' : 'Device code expired',
        message: cancelled
          ? 'Polling was cancelled; the code stays valid until it expires.'
          : 'The user did not finish signing in before the device code expired.',
        hint: 'Press Get token to start again.',
      };
      const outcome = {
        request: last?.request ?? null,
        response: last?.response ?? null,
        token: null,
        failure,
        endpoint: attempt.ctx.endpoint,
      };
      return (await client.settle({ ...call, hidden: [attempt.deviceCode] }, outcome)).result;
    });
  }
}
