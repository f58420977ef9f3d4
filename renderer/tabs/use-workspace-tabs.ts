import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import {
  closeTab,
  cycleTab,
  emptyTabs,
  openTab,
  pruneTabs,
  replaceTab,
  tabKey,
  type TabRef,
  type TabsState,
} from '../../shared/workspace-tabs';
import { workbench } from '../workbench-api';

const SAVE_DELAY_MS = 250;

/**
 * The open tabs, restored from main on start and written back (references only) after every
 * change. `restore` runs once the profiles and saved requests are known.
 */
export function useWorkspaceTabs() {
  const [state, setState] = useState<TabsState>(emptyTabs);
  const [restored, setRestored] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!restored) return undefined;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      workbench.saveWorkspaceState(state).catch(() => {
        // Not kept: the tabs simply do not come back after a restart.
      });
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [state, restored]);

  const restore = useCallback(
    async (exists: Parameters<typeof pruneTabs>[1], fallback: TabRef | null): Promise<void> => {
      let saved: TabsState = emptyTabs;
      try {
        saved = await workbench.getWorkspaceState({});
      } catch {
        // An unreadable state starts with no tabs.
      }
      const next = pruneTabs(saved, exists);
      // Tabs the user opened while the list was loading stay, and the last of them stays active.
      // In a transition: the first tab's render is sliced, not one long task after the start.
      startTransition(() => {
        setState((current) => {
          if (current.tabs.length > 0) {
            const merged = current.tabs.reduce(openTab, next);
            return { ...merged, active: current.active };
          }
          return next.tabs.length === 0 && fallback ? openTab(next, fallback) : next;
        });
        setRestored(true);
      });
    },
    [],
  );

  // A tab that comes on screen mounts its whole view: in a transition, React renders it in
  // slices instead of in one long task after the click or key.
  const show = useCallback(
    (update: (s: TabsState) => TabsState) => startTransition(() => setState(update)),
    [],
  );
  const open = useCallback((ref: TabRef) => show((s) => openTab(s, ref)), [show]);
  const close = useCallback((key: string) => show((s) => closeTab(s, key)), [show]);
  const cycle = useCallback((d: 1 | -1) => show((s) => cycleTab(s, d)), [show]);
  const activate = useCallback((key: string) => show((s) => ({ ...s, active: key })), [show]);
  const replace = useCallback(
    (key: string, ref: TabRef) => setState((s) => replaceTab(s, key, ref)),
    [],
  );
  /** A new request tab was saved: its reference now names the saved request (same tab key). */
  const savedAs = useCallback(
    (tabId: string, savedRequestId: string) =>
      setState((s) => {
        const ref = s.tabs.find((t) => t.kind === 'request' && t.tabId === tabId);
        return ref?.kind === 'request' ? replaceTab(s, tabKey(ref), { ...ref, savedRequestId }) : s;
      }),
    [],
  );
  const prune = useCallback(
    (exists: Parameters<typeof pruneTabs>[1]) => setState((s) => pruneTabs(s, exists)),
    [],
  );
  return { state, restored, restore, open, close, cycle, activate, replace, savedAs, prune };
}

export type WorkspaceTabs = ReturnType<typeof useWorkspaceTabs>;
