import type { TokenAttempt, TokenStateEvent } from '../../../shared/events';
import type { RenewalState } from '../../../shared/grant-results';
import type { StoredProfile } from '../../../shared/profile';
import type { TokenView } from '../../../shared/results';
import type { EventBus } from '../events/event-bus';
import type { RefreshTokenStore } from '../refresh-token-store';
import type { AllMembers } from './all-members';

/** `profile`, when the caller has it at hand, saves a read of the profile store. */
type TokenListener = (profileId: string, token: TokenView, profile?: StoredProfile) => void;
type RenewalSource = (profileId: string, profile?: StoredProfile) => RenewalState | undefined;

export interface CurrentTokensDeps {
  events: EventBus;
  refreshTokens: RefreshTokenStore;
}

/**
 * The current token and the last attempt per profile, in memory. Every change is published as
 * `tokenState`: a failed attempt after a good token keeps the token, marked by `lastAttempt`.
 */
export class CurrentTokens {
  private readonly tokens = new Map<string, TokenView>();
  private readonly attempts = new Map<string, TokenAttempt>();
  private readonly listeners: TokenListener[] = [];
  private renewalSource: RenewalSource | null = null;

  constructor(private readonly deps: CurrentTokensDeps) {}

  /** The current token as kept, without the live renewal state. */
  stored(profileId: string): TokenView | null {
    return this.tokens.get(profileId) ?? null;
  }

  current(profileId: string, profile?: StoredProfile): TokenView | null {
    const token = this.tokens.get(profileId);
    if (!token) return null;
    // Member by member (see all-members.ts): this runs on every call's published state.
    const view: AllMembers<TokenView> = {
      profileId: token.profileId,
      accessToken: token.accessToken,
      tokenType: token.tokenType,
      expiresIn: token.expiresIn,
      receivedAt: token.receivedAt,
      requestedScopes: token.requestedScopes,
      grantedScopes: token.grantedScopes,
      scopeReturned: token.scopeReturned,
      notGranted: token.notGranted,
      origin: token.origin,
      refreshAvailable: this.deps.refreshTokens.has(profileId),
      clockSkewSeconds: token.clockSkewSeconds,
      renewal: this.renewalSource?.(profileId, profile),
    };
    return view;
  }

  state(profileId: string, profile?: StoredProfile): TokenStateEvent {
    return {
      profileId,
      token: this.current(profileId, profile),
      lastAttempt: this.attempts.get(profileId) ?? null,
    };
  }

  /** Every profile with a token or an attempt, for a page that just subscribed. */
  snapshot(): TokenStateEvent[] {
    const ids = new Set([...this.tokens.keys(), ...this.attempts.keys()]);
    return [...ids].map((id) => this.state(id));
  }

  publish(profileId: string, profile?: StoredProfile): void {
    this.deps.events.publish('tokenState', this.state(profileId, profile));
  }

  /** A new token: it becomes current, the listeners (renewal, keeper) hear of it. */
  accept(token: TokenView, profile?: StoredProfile): void {
    this.tokens.set(token.profileId, token);
    for (const listener of this.listeners) listener(token.profileId, token, profile);
  }

  /** Records the outcome of a call and publishes the new state. */
  attempted(profileId: string, attempt: TokenAttempt, profile?: StoredProfile): void {
    this.attempts.set(profileId, attempt);
    this.publish(profileId, profile);
  }

  /** Puts back a token kept across a restart (see token-keeper.ts). */
  restore(token: TokenView): void {
    if (this.tokens.has(token.profileId)) return;
    this.tokens.set(token.profileId, token);
    this.publish(token.profileId);
  }

  forget(profileId: string): void {
    this.tokens.delete(profileId);
    this.attempts.delete(profileId);
    void this.deps.refreshTokens.delete(profileId).catch(() => undefined);
    this.publish(profileId);
  }

  /** Called with every new token (renewal schedules from here, the keeper keeps it). */
  onToken(listener: TokenListener): void {
    this.listeners.push(listener);
  }

  useRenewalSource(source: RenewalSource): void {
    this.renewalSource = source;
  }
}
