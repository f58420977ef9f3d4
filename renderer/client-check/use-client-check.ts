import { useEffect, useRef, useState } from 'react';
import {
  applyProgress,
  startLiveCheck,
  type LiveCheck,
} from '../../shared/client-check/check-progress';
import type { ClientCheckResult } from '../../shared/client-check/check-types';
import { newRequestId } from '../request-draft';
import { workbench } from '../workbench-api';
import { workbenchEvents } from '../workbench-events';

/** The check as the panel shows it: the live run, else the last result kept for the profile. */
export function useClientCheck(profileId: string) {
  const [live, setLive] = useState<LiveCheck | null>(null);
  const [last, setLast] = useState<ClientCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = useRef<string | null>(null);

  useEffect(() => {
    let stale = false;
    workbench
      .getClientCheck({ profileId })
      .then((r) => !stale && setLast(r))
      .catch(() => undefined);
    const off = workbenchEvents.onClientCheckProgress((event) => {
      if (event.profileId !== profileId || event.runId !== runId.current) return;
      setLive((current) => (current ? applyProgress(current, event) : current));
    });
    return () => {
      stale = true;
      off();
    };
  }, [profileId]);

  async function run(scopeProbe: boolean) {
    const id = newRequestId();
    runId.current = id;
    setError(null);
    setLive(startLiveCheck(id));
    try {
      const result = await workbench.runClientCheck({ profileId, runId: id, scopeProbe });
      if (runId.current !== id) return;
      setLast(result);
      setLive(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setLive(null);
    }
  }

  function cancel() {
    if (runId.current) void workbench.cancelRequest({ requestId: runId.current });
  }

  return { live, last, error, run, cancel, running: live !== null && !live.done };
}
