import { useCallback, useState } from 'react';
import type { AuthorizationStart, DeviceStart } from '../shared/grant-results';
import type { ApiResult, TokenResult } from '../shared/results';
import type { ProfileDraft } from './profile-draft';
import type { RequestDraft } from './request-draft';

/** A sign-in that waits for the user: the authorization URL, or the device code. */
export type TokenAttemptView =
  { kind: 'code'; start: AuthorizationStart } | { kind: 'device'; start: DeviceStart };

/** What the UI keeps per profile while switching between tabs: nothing is lost on a switch. */
export interface ProfileMemory {
  /** Unsaved form edits; absent when the form shows the saved profile. */
  draft?: ProfileDraft;
  /** The last token call (or the current token loaded from main). */
  token?: TokenResult | null;
  /** When `token` answered (ms since epoch), to order it against pushed state. */
  tokenAt?: number;
  /** The last token call used the unsaved draft for that one request. */
  tokenFromDraft?: boolean;
  /** Request id of the token call in flight. */
  tokenBusy?: string | null;
  /** A call that did not even reach the server (input refused, cancelled, …). */
  tokenError?: string | null;
  attempt?: TokenAttemptView | null;
  request?: RequestDraft;
  response?: ApiResult | null;
}

export type MemoryPatch = (update: (m: ProfileMemory) => ProfileMemory) => void;

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
