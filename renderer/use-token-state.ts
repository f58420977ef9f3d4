import { useEffect, useState } from 'react';
import type { TokenStateEvent } from '../shared/events';
import { workbenchEvents } from './workbench-events';

/**
 * The pushed token state of one profile: the current token and the last attempt (which may have
 * failed after a good token; then `token` is the EARLIER one). Null until the first event.
 */
export function useTokenState(profileId: string | null): TokenStateEvent | null {
  const [state, setState] = useState<TokenStateEvent | null>(null);
  useEffect(() => {
    if (!profileId) return undefined;
    return workbenchEvents.onTokenState((event) => {
      if (event.profileId === profileId) setState(event);
    });
  }, [profileId]);
  return state && state.profileId === profileId ? state : null;
}
