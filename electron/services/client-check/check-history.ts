import type { ClientCheckResult } from '../../../shared/client-check/check-types';
import type { KeyValueStore } from '../data-store';

const KEY = 'clientChecks';
/** Profiles whose last result is kept; the oldest is dropped beyond this. */
const MAX_PROFILES = 500;

/**
 * The last client-check result per profile, in the store. Results hold masked evidence only
 * (see check-evidence.ts), so nothing secret is written.
 */
export class ClientCheckHistory {
  constructor(private readonly store: KeyValueStore) {}

  private all(): Record<string, ClientCheckResult> {
    const value = this.store.get(KEY);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, ClientCheckResult>)
      : {};
  }

  last(profileId: string): ClientCheckResult | null {
    const hit = this.all()[profileId];
    return hit && Array.isArray(hit.steps) ? hit : null;
  }

  save(result: ClientCheckResult): void {
    const all = this.all();
    delete all[result.profileId];
    all[result.profileId] = result;
    const ids = Object.keys(all);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PROFILES))) delete all[id];
    this.store.set(KEY, all);
  }

  forget(profileId: string): void {
    const all = this.all();
    if (!(profileId in all)) return;
    delete all[profileId];
    this.store.set(KEY, all);
  }
}
