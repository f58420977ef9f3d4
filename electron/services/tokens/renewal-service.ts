import type { RenewalState } from '../../../shared/grant-results';
import type { StoredProfile } from '../../../shared/profile';
import type { TokenResult, TokenView } from '../../../shared/results';
import type { EventBus } from '../events/event-bus';
import type { ProfileService } from '../profile-service';
import type { Clock } from './clock';
import type { CurrentTokens } from './current-tokens';
import type { ClientCredentialsGrant } from './grants/client-credentials';
import type { RefreshGrant } from './grants/refresh';

export interface RenewalDeps {
  tokens: CurrentTokens;
  profiles: ProfileService;
  clientCredentials: ClientCredentialsGrant;
  refresh: RefreshGrant;
  events: EventBus;
  clock: Clock;
}

/** Backoff after the 1st and 2nd failed renewal; after the 3rd, renewal stops until a new token. */
export const RENEWAL_BACKOFF_MS = [30_000, 120_000];

interface Entry {
  timer: NodeJS.Timeout | null;
  state: RenewalState;
  failures: number;
  /** The token the schedule was made for. */
  receivedAt: number;
}

/** When to renew: `lead` seconds before expiry, but never earlier than half the lifetime. */
export function renewalDelayMs(expiresIn: number, leadSeconds: number): number {
  return Math.max(expiresIn - leadSeconds, expiresIn / 2, 5) * 1000;
}

/**
 * Automatic renewal in the main process: a timer per profile with a token. Client credentials
 * get a new token, the other grants refresh, both through the one pipeline (so a failed renewal
 * is diagnosed, recorded in history and published like any call). A failure is shown once and
 * backs off; it never loops. Every change of the schedule is published as `renewalStatus`.
 */
export class RenewalService {
  private readonly entries = new Map<string, Entry>();
  private busy = new Set<string>();

  constructor(private readonly deps: RenewalDeps) {
    deps.tokens.onToken((profileId, token, profile) => this.onToken(profileId, token, profile));
    deps.tokens.useRenewalSource((profileId, profile) => this.state(profileId, profile));
  }

  private now(): number {
    return this.deps.clock.now();
  }

  private announce(profileId: string, renewal: RenewalState): void {
    this.deps.events.publish('renewalStatus', { profileId, renewal });
  }

  private profile(profileId: string) {
    try {
      return this.deps.profiles.get(profileId);
    } catch {
      return null;
    }
  }

  private clear(profileId: string): void {
    const entry = this.entries.get(profileId);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(profileId);
  }

  private schedule(profileId: string, entry: Entry, delayMs: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.renew(profileId), delayMs);
    entry.timer.unref();
    entry.state = {
      ...entry.state,
      status: entry.failures > 0 ? 'failed' : 'scheduled',
      nextAt: this.now() + delayMs,
    };
    this.entries.set(profileId, entry);
    this.announce(profileId, entry.state);
  }

  private onToken(profileId: string, token: TokenView, known?: StoredProfile): void {
    const profile = known ?? this.profile(profileId);
    const previous = this.entries.get(profileId);
    if (!profile?.autoRenew || token.expiresIn === null) {
      this.clear(profileId);
      return;
    }
    const entry: Entry = {
      timer: previous?.timer ?? null,
      failures: 0,
      receivedAt: token.receivedAt,
      state: {
        enabled: true,
        leadSeconds: profile.renewLeadSeconds,
        status: 'scheduled',
        nextAt: null,
        lastFailure: null,
        lastRenewedAt:
          previous?.state.status === 'renewing'
            ? token.receivedAt
            : (previous?.state.lastRenewedAt ?? null),
      },
    };
    const due = token.receivedAt + renewalDelayMs(token.expiresIn, profile.renewLeadSeconds);
    this.schedule(profileId, entry, Math.max(0, due - this.now()));
  }

  /** The state shown next to the countdown; also applies a changed on/off or lead setting. */
  state(profileId: string, known?: StoredProfile): RenewalState | undefined {
    const profile = known ?? this.profile(profileId);
    const entry = this.entries.get(profileId);
    if (!profile) return undefined;
    const token = this.deps.tokens.stored(profileId);
    if (!profile.autoRenew) {
      if (entry) this.clear(profileId);
      return {
        enabled: false,
        leadSeconds: profile.renewLeadSeconds,
        status: 'off',
        nextAt: null,
        lastFailure: null,
        lastRenewedAt: null,
      };
    }
    if (
      token &&
      (!entry || entry.state.leadSeconds !== profile.renewLeadSeconds) &&
      !this.busy.has(profileId) &&
      entry?.state.status !== 'stopped'
    ) {
      this.onToken(profileId, token, profile);
    }
    return this.entries.get(profileId)?.state;
  }

  private async renew(profileId: string): Promise<void> {
    const entry = this.entries.get(profileId);
    const profile = this.profile(profileId);
    if (!entry || !profile?.autoRenew) return this.clear(profileId);
    entry.timer = null;
    entry.state = { ...entry.state, status: 'renewing', nextAt: null };
    this.announce(profileId, entry.state);
    this.busy.add(profileId);
    let result: TokenResult;
    try {
      const requestId = `renewal-${profileId}`;
      result =
        profile.grantType === 'client_credentials'
          ? await this.deps.clientCredentials.get(profileId, requestId, { trigger: 'renewal' })
          : await this.deps.refresh.refresh(profileId, requestId, 'renewal');
    } catch (error) {
      result = {
        request: null,
        response: null,
        token: null,
        failure: {
          step: 'prepare',
          kind: 'invalid-input',
          title: 'Renewal could not run',
          message: error instanceof Error ? error.message : 'unknown error',
          hint: '',
        },
      };
    } finally {
      this.busy.delete(profileId);
    }
    if (result.token) return; // onToken rescheduled it.
    const failed = this.entries.get(profileId) ?? entry;
    failed.failures++;
    const reason = result.failure
      ? `${result.failure.title}: ${result.failure.message}`
      : 'No token.';
    const backoff = RENEWAL_BACKOFF_MS[failed.failures - 1];
    failed.state = { ...failed.state, lastFailure: reason };
    if (backoff === undefined) {
      failed.state = { ...failed.state, status: 'stopped', nextAt: null };
      this.entries.set(profileId, failed);
      this.announce(profileId, failed.state);
    } else {
      this.schedule(profileId, failed, backoff);
    }
    // The attempt's tokenState went out while renewing; the token's renewal state changed since.
    this.deps.tokens.publish(profileId);
  }

  /** Every scheduled renewal, for a page that just subscribed. */
  snapshot(): { profileId: string; renewal: RenewalState }[] {
    return [...this.entries].map(([profileId, e]) => ({ profileId, renewal: e.state }));
  }

  /** Stops every timer (app shutdown). */
  dispose(): void {
    for (const id of [...this.entries.keys()]) this.clear(id);
  }
}
