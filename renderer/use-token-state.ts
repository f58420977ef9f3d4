import { useCallback, useSyncExternalStore } from 'react';
import type { TokenStateEvent } from '../shared/events';
import { latestTokenState, workbenchEvents } from './workbench-events';

/** Re-read on every pushed token state (workbenchEvents keeps the latest one per profile). */
const subscribe = (listener: () => void) => workbenchEvents.onTokenState(() => listener());

/**
 * The pushed token state of one profile: the current token and the last attempt (which may have
 * failed after a good token; then `token` is the EARLIER one). Null until the first event.
 * Read as an external store: a new state renders at once, in the task that received it (not in
 * a later scheduler task that a frame may come before), so a new token makes the next frame.
 */
export function useTokenState(profileId: string | null): TokenStateEvent | null {
  const snapshot = useCallback(
    () => (profileId ? (latestTokenState(profileId) ?? null) : null),
    [profileId],
  );
  return useSyncExternalStore(subscribe, snapshot);
}
