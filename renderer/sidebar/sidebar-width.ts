import { useCallback, useRef, useState } from 'react';
import type { LayoutChangedMeta, PanelSize } from 'react-resizable-panels';

/** Layout preference only (no profile data): the sidebar's width in pixels, across restarts. */
const KEY = 'token-workbench.sidebar-width';
export const SIDEBAR_WIDTH = { min: 200, max: 560, initial: 290 } as const;

function clamp(px: number): number {
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, px)));
}

function read(): number {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? clamp(value) : SIDEBAR_WIDTH.initial;
  } catch {
    return SIDEBAR_WIDTH.initial;
  }
}

/**
 * The width the sidebar opens with (also after it is hidden and shown again), and the two callbacks that keep it: the panel reports its
 * size while it changes, the group says when the user has finished a resize.
 */
export function useSidebarWidth() {
  const [width, setWidth] = useState(read);
  const current = useRef(width);
  const onResize = useCallback((size: PanelSize) => {
    current.current = size.inPixels;
  }, []);
  const onLayoutChanged = useCallback((_layout: unknown, meta: LayoutChangedMeta) => {
    if (!meta.isUserInteraction) return;
    const next = clamp(current.current);
    setWidth(next);
    try {
      window.localStorage.setItem(KEY, String(next));
    } catch {
      // Storage full or off: the width is simply not remembered.
    }
  }, []);
  return { width, onResize, onLayoutChanged };
}
