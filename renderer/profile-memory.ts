import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react';
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
  /** When the token call in flight was sent (ms since epoch); unset while a sign-in waits. */
  tokenBusyAt?: number;
  /** A call that did not even reach the server (input refused, cancelled, …). */
  tokenError?: string | null;
  attempt?: TokenAttemptView | null;
  request?: RequestDraft;
  response?: ApiResult | null;
}

export type MemoryPatch = (update: (m: ProfileMemory) => ProfileMemory) => void;

/** Key of the profile being created. */
export const newProfileKey = '#new';

/** The fields a token call writes: a change of only these re-renders the workspace later. */
const tokenFields = new Set<keyof ProfileMemory>([
  'token',
  'tokenAt',
  'tokenFromDraft',
  'tokenBusy',
  'tokenBusyAt',
  'tokenError',
  'attempt',
]);

function onlyTokenFields(prev: ProfileMemory, next: ProfileMemory): boolean {
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)] as (keyof ProfileMemory)[]);
  for (const k of keys) if (prev[k] !== next[k] && !tokenFields.has(k)) return false;
  return true;
}

/**
 * The memory of every profile, readable per profile without re-rendering the workspace: the
 * token bar and the token detail pane subscribe to their profile's entry (useLiveMemory) and
 * show a token call's state at once. A change of only token fields re-renders nothing else (no
 * other part of the workspace reads them), so a token call costs the renders of those two and
 * nothing more; any other change (a form edit) re-renders the workspace at once.
 */
export interface MemoryStore {
  get: (key: string) => ProfileMemory | undefined;
  subscribe: (listener: () => void) => () => void;
}

const MemoryStoreContext = createContext<MemoryStore | null>(null);
export const MemoryStoreProvider = MemoryStoreContext.Provider;

const noSubscription = () => () => undefined;

/** The profile's memory as it is now (null outside a MemoryStoreProvider). */
export function useLiveMemory(key: string): ProfileMemory | null {
  const store = useContext(MemoryStoreContext);
  const entry = useSyncExternalStore(store?.subscribe ?? noSubscription, () =>
    store ? (store.get(key) ?? empty) : null,
  );
  return entry;
}
const empty: ProfileMemory = {};

export function useProfileMemory() {
  const [memory, setMemory] = useState<Record<string, ProfileMemory>>({});
  const [{ store, current, listeners }] = useState(() => {
    const current = new Map<string, ProfileMemory>();
    const listeners = new Set<() => void>();
    const store: MemoryStore = {
      get: (key) => current.get(key),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    return { store, current, listeners };
  });
  const publish = useCallback(
    (tokenOnly: boolean) => {
      for (const listener of listeners) listener();
      // The workspace's snapshot holds token fields too, but nothing rendered from it reads them.
      if (!tokenOnly) setMemory(Object.fromEntries(current));
    },
    [current, listeners],
  );
  const patch = useCallback(
    (key: string, update: (m: ProfileMemory) => ProfileMemory) => {
      const prev = current.get(key) ?? {};
      const next = update(prev);
      if (next === prev) return;
      current.set(key, next);
      publish(onlyTokenFields(prev, next));
    },
    [current, publish],
  );
  const forget = useCallback(
    (key: string) => {
      if (!current.delete(key)) return;
      publish(false);
    },
    [current, publish],
  );
  return { memory, patch, forget, store };
}
