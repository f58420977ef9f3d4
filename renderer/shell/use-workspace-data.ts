import { startTransition, useCallback, useEffect, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { AppInfo } from '../../shared/results';
import type { SavedRequestSummary } from '../../shared/saved-request';
import { workbench } from '../workbench-api';

export interface WorkspaceData {
  info: AppInfo;
  profiles: ProfileView[];
  requests: SavedRequestSummary[];
}

/** Settings, profiles and saved requests, loaded once; `attempt` loads them again. */
export function useWorkspaceData() {
  const [data, setData] = useState<WorkspaceData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    Promise.all([
      workbench.getAppInfo({}),
      workbench.listProfiles({}),
      workbench.listSavedRequests({}).catch(() => [] as SavedRequestSummary[]),
    ]).then(
      ([info, profiles, requests]) => {
        if (!active) return;
        // The first render of the workspace in a transition: React renders it in short slices.
        startTransition(() => setData({ info, profiles, requests }));
        setError(null);
      },
      (e: unknown) => {
        if (active) setError(e);
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { data, error, retry };
}
