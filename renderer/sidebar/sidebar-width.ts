import { useCallback, useState } from 'react';

/** Layout preference only (no profile data): the sidebar's width in pixels, across restarts. */
const KEY = 'token-workbench.sidebar-width';
export const SIDEBAR_WIDTH = { min: 200, max: 560, initial: 290 } as const;

export function clampSidebarWidth(px: number): number {
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, px)));
}

function read(): number {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? clampSidebarWidth(value) : SIDEBAR_WIDTH.initial;
  } catch {
    return SIDEBAR_WIDTH.initial;
  }
}

/**
 * The width the sidebar opens with (also after it is hidden and shown again), and `commit`,
 * which keeps a width the user has finished choosing (end of a drag, a key on the separator).
 */
export function useSidebarWidth() {
  const [width, setWidth] = useState(read);
  const commit = useCallback((px: number) => {
    const next = clampSidebarWidth(px);
    setWidth(next);
    try {
      window.localStorage.setItem(KEY, String(next));
    } catch {
      // Storage full or off: the width is simply not remembered.
    }
  }, []);
  return { width, commit };
}
