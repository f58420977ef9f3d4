import { useCallback, useState } from 'react';
import type { ApiResult, TokenResult } from '../shared/results';
import type { ProfileDraft } from './profile-draft';
import type { RequestDraft } from './request-draft';

/** What the UI keeps per profile while switching between them: nothing is lost on a switch. */
export interface ProfileMemory {
  /** Unsaved form edits; absent when the form shows the saved profile. */
  draft?: ProfileDraft;
  /** The last token call (or the current token loaded from main). */
  token?: TokenResult | null;
  request?: RequestDraft;
  response?: ApiResult | null;
}

/** Key of the profile being created. */
export const newProfileKey = '#new';

export function useProfileMemory() {
  const [memory, setMemory] = useState<Record<string, ProfileMemory>>({});
  const patch = useCallback((key: string, update: (m: ProfileMemory) => ProfileMemory) => {
    setMemory((prev) => ({ ...prev, [key]: update(prev[key] ?? {}) }));
  }, []);
  const forget = useCallback((key: string) => {
    setMemory((prev) => {
      const next = { ...prev };
      delete next[key];
      return next;
    });
  }, []);
  return { memory, patch, forget };
}
