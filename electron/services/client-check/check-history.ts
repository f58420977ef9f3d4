import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientCheckResult } from '../../../shared/client-check/check-types';
import { writeFileAtomic } from '../store/atomic-file';

/** The file beside workbench.json that keeps the last check per profile. */
export const CHECK_HISTORY_FILE = 'client-checks.json';
/** Profiles whose last result is kept; the oldest is dropped beyond this. */
const MAX_PROFILES = 100;

/**
 * The last client-check result per profile, in memory and (with a data dir) in its own file,
 * written atomically, so that a check never rewrites the profile store. Results hold masked
 * evidence only (see check-evidence.ts), so nothing secret is written.
 */
export class ClientCheckHistory {
  private results: Map<string, ClientCheckResult> | null = null;
  private readonly file: string | null;

  constructor(dataDir: string | null) {
    this.file = dataDir ? path.join(dataDir, CHECK_HISTORY_FILE) : null;
  }

  private all(): Map<string, ClientCheckResult> {
    if (this.results) return this.results;
    this.results = new Map();
    if (this.file && existsSync(this.file)) {
      try {
        const json = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
        for (const [id, r] of Object.entries(json)) {
          if (r && typeof r === 'object' && Array.isArray((r as ClientCheckResult).steps)) {
            this.results.set(id, r as ClientCheckResult);
          }
        }
      } catch {
        // A damaged file only loses the last results; the next check writes a good one.
      }
    }
    return this.results;
  }

  last(profileId: string): ClientCheckResult | null {
    return this.all().get(profileId) ?? null;
  }

  /** Every kept last result (one per profile). */
  list(): ClientCheckResult[] {
    return [...this.all().values()];
  }

  save(result: ClientCheckResult): void {
    const all = this.all();
    all.delete(result.profileId);
    all.set(result.profileId, result);
    for (const id of all.keys()) {
      if (all.size <= MAX_PROFILES) break;
      all.delete(id);
    }
    this.write();
  }

  forget(profileId: string): void {
    if (this.all().delete(profileId)) this.write();
  }

  private write(): void {
    if (!this.file) return;
    try {
      writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.all())));
    } catch (err) {
      console.error(`[client-check] last results not written: ${(err as Error).name}`);
    }
  }
}
