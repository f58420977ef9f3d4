import type { ProfileView } from '../../shared/profile';
import { CliUsageError } from './cli-io';

/** A profile by its name (case-insensitive) or id; an error names it and lists the others. */
export function findProfile(profiles: readonly ProfileView[], wanted: string): ProfileView {
  const exact = profiles.find((p) => p.id === wanted || p.name === wanted);
  if (exact) return exact;
  const lower = wanted.toLowerCase();
  const hits = profiles.filter((p) => p.name.toLowerCase() === lower);
  if (hits.length === 1) return hits[0]!;
  const names = profiles.map((p) => `"${p.name}"`).join(', ') || '(none)';
  if (hits.length > 1) {
    throw new CliUsageError(
      `Profile "${wanted}" matches ${hits.length} profiles; use its exact name or id.`,
    );
  }
  throw new CliUsageError(`No profile named "${wanted}". Profiles: ${names}.`);
}
