import { useSyncExternalStore } from 'react';
import type { ProfileView } from '../shared/profile';

// The last deleted profile, for the one "Deleted … Undo" notice in the profile list: a delete
// from the list's menu and one from the workspace's Delete profile button both land here.
let last: ProfileView | null = null;
const listeners = new Set<() => void>();

export function announceDeleted(profile: ProfileView | null): void {
  last = profile;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLastDeleted(): ProfileView | null {
  return useSyncExternalStore(subscribe, () => last);
}
