/**
 * The workspace's tab model: which profiles and requests are open, which one is shown. Pure
 * data and functions, so the shell, the restore after a restart and the tests share one logic.
 */

export type TabRef =
  | { kind: 'profile'; profileId: string }
  /**
   * A request of a profile. `tabId` is stable across restarts (the request draft is kept under
   * it); `savedRequestId` is null until the request is saved by name.
   */
  | { kind: 'request'; profileId: string; tabId: string; savedRequestId: string | null }
  | { kind: 'new-profile' };

export interface TabsState {
  tabs: TabRef[];
  /** Key of the tab on screen, or null when none is open. */
  active: string | null;
}

/** At most this many tabs are kept open; opening one more closes the oldest unchanged one. */
export const MAX_TABS = 30;

export const emptyTabs: TabsState = { tabs: [], active: null };

export function tabKey(ref: TabRef): string {
  if (ref.kind === 'profile') return `profile:${ref.profileId}`;
  if (ref.kind === 'request') return `request:${ref.tabId}`;
  return 'new-profile';
}

export function profileOfTab(ref: TabRef): string | null {
  return ref.kind === 'new-profile' ? null : ref.profileId;
}

/** The open tab of a saved request, if any. */
export function tabOfSavedRequest(state: TabsState, savedRequestId: string): TabRef | null {
  return (
    state.tabs.find((t) => t.kind === 'request' && t.savedRequestId === savedRequestId) ?? null
  );
}

/** Opens a tab (or shows it when it is open already) and makes it the active one. */
export function openTab(state: TabsState, ref: TabRef): TabsState {
  const saved =
    ref.kind === 'request' && ref.savedRequestId
      ? tabOfSavedRequest(state, ref.savedRequestId)
      : null;
  if (saved) return { ...state, active: tabKey(saved) };
  const key = tabKey(ref);
  if (state.tabs.some((t) => tabKey(t) === key)) return { ...state, active: key };
  let tabs = [...state.tabs, ref];
  if (tabs.length > MAX_TABS) tabs = tabs.slice(tabs.length - MAX_TABS);
  return { tabs, active: key };
}

/** Closes a tab; the neighbour to its right (else left) becomes active if it was. */
export function closeTab(state: TabsState, key: string): TabsState {
  const index = state.tabs.findIndex((t) => tabKey(t) === key);
  if (index < 0) return state;
  const tabs = state.tabs.filter((_, i) => i !== index);
  if (state.active !== key) return { tabs, active: state.active };
  const next = tabs[index] ?? tabs[index - 1];
  return { tabs, active: next ? tabKey(next) : null };
}

/** Ctrl+Tab (+1) and Ctrl+Shift+Tab (-1), wrapping around. */
export function cycleTab(state: TabsState, direction: 1 | -1): TabsState {
  if (state.tabs.length === 0) return state;
  const index = state.tabs.findIndex((t) => tabKey(t) === state.active);
  const next = (index + direction + state.tabs.length) % state.tabs.length;
  return { ...state, active: tabKey(state.tabs[next]!) };
}

/** Drops tabs whose profile or request no longer exists (after a delete, or on restore). */
export function pruneTabs(
  state: TabsState,
  exists: {
    profile: (id: string) => boolean;
    request?: (profileId: string, id: string) => boolean;
  },
): TabsState {
  const keep = (t: TabRef) =>
    t.kind === 'new-profile' ||
    (exists.profile(t.profileId) &&
      (t.kind !== 'request' ||
        t.savedRequestId === null ||
        !exists.request ||
        exists.request(t.profileId, t.savedRequestId)));
  const tabs = state.tabs.filter(keep);
  if (tabs.length === state.tabs.length) return state;
  const activeKept = tabs.some((t) => tabKey(t) === state.active);
  return { tabs, active: activeKept ? state.active : tabs[0] ? tabKey(tabs[0]) : null };
}

/** Replaces one tab by another in place (a new profile saved, a draft request saved by name). */
export function replaceTab(state: TabsState, key: string, ref: TabRef): TabsState {
  const nextKey = tabKey(ref);
  const tabs = state.tabs
    .map((t) => (tabKey(t) === key ? ref : t))
    .filter((t, i, all) => all.findIndex((o) => tabKey(o) === tabKey(t)) === i);
  return { tabs, active: state.active === key ? nextKey : state.active };
}

export function activeTab(state: TabsState): TabRef | null {
  return state.tabs.find((t) => tabKey(t) === state.active) ?? null;
}
