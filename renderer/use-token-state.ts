import { useCallback, useSyncExternalStore } from 'react';
import type { TokenStateEvent } from '../shared/events';
import { workbenchEvents } from './workbench-events';

/** The latest pushed token state per profile, for every component that shows one. */
const latest = new Map<string, TokenStateEvent>();
const listeners = new Set<() => void>();
let connected = false;

function connect(): void {
  if (connected) return;
  connected = true;
  workbenchEvents.onTokenState((event) => {
    latest.set(event.profileId, event);
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  connect();
  return () => void listeners.delete(listener);
}

/**
 * The pushed token state of one profile: the current token and the last attempt (which may have
 * failed after a good token; then `token` is the EARLIER one). Null until the first event.
 * An external store: a new state renders at once, in the task that received it (not in a later
 * scheduler task that a frame may come before), so a new token makes the next frame.
 */
export function useTokenState(profileId: string | null): TokenStateEvent | null {
  const snapshot = useCallback(
    () => (profileId ? (latest.get(profileId) ?? null) : null),
    [profileId],
  );
  return useSyncExternalStore(subscribe, snapshot);
}
