import { useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { ApiResult } from '../../shared/results';
import { emptyRequestDraft, type RequestDraft } from '../request-draft';
import { RequestTester } from '../request-tester';
import { useTokenState } from '../use-token-state';

export interface RequestTabProps {
  profile: ProfileView;
  /** The saved request this tab edits, or null for a new, unsaved request. */
  savedRequestId: string | null;
  /** Stable id of the tab: its draft is kept under it across restarts. */
  tabId: string;
  onDirtyChange(dirty: boolean): void;
  onTitleChange(title: string): void;
}

/** One request of a profile in its own tab (first version: the request tester). */
export function RequestTab({ profile }: RequestTabProps) {
  const [draft, setDraft] = useState<RequestDraft>(emptyRequestDraft);
  const [result, setResult] = useState<ApiResult | null>(null);
  const tokenState = useTokenState(profile.id);
  const token = tokenState?.token ?? null;
  const state = token ? 'valid' : 'none';
  return (
    <RequestTester
      profile={profile}
      tokenState={state}
      draft={draft}
      onDraft={(update) => setDraft(update)}
      result={result}
      onResult={setResult}
    />
  );
}
