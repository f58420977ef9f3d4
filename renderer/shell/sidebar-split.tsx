import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampSidebarWidth, SIDEBAR_WIDTH, useSidebarWidth } from '../sidebar/sidebar-width';

/** The tab area never gets narrower than this while the sidebar is resized. */
const MAIN_MIN_WIDTH = 480;
const SEPARATOR_WIDTH = 4;
/** Arrow keys move the separator this far; with Shift, five times as far. */
const KEY_STEP = 16;

interface SidebarSplitProps {
  /** The sidebar is shown (presentation mode on a narrow screen hides it). */
  open: boolean;
  sidebar: ReactNode;
  main: ReactNode;
}

/**
 * The sidebar beside the tab area, with a separator to drag (or move with the arrow keys, Home
 * and End) that sets the sidebar's width; the width is kept across restarts. Plain flex boxes:
 * no layout is read while the workspace first renders, and a drag re-renders nothing (the width
 * is set on the element, and committed when the drag ends).
 */
export function SidebarSplit({ open, sidebar, main }: SidebarSplitProps) {
  const { width, commit } = useSidebarWidth();
  const rowRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const separatorRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startWidth: number; max: number; width: number } | null>(
    null,
  );

  /** The widest the sidebar may be now: its maximum, or what leaves the tab area its minimum. */
  const widest = () => {
    const row = rowRef.current?.clientWidth ?? Infinity;
    return Math.max(
      SIDEBAR_WIDTH.min,
      Math.min(SIDEBAR_WIDTH.max, row - SEPARATOR_WIDTH - MAIN_MIN_WIDTH),
    );
  };
  const show = (px: number) => {
    if (paneRef.current) paneRef.current.style.flexBasis = `${px}px`;
    separatorRef.current?.setAttribute('aria-valuenow', String(px));
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const startWidth = paneRef.current?.getBoundingClientRect().width ?? width;
    drag.current = { startX: e.clientX, startWidth, max: widest(), width: startWidth };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.width = Math.min(d.max, clampSidebarWidth(d.startWidth + e.clientX - d.startX));
    show(d.width);
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId))
      e.currentTarget.releasePointerCapture(e.pointerId);
    commit(d.width);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const next =
      e.key === 'ArrowLeft'
        ? width - step
        : e.key === 'ArrowRight'
          ? width + step
          : e.key === 'Home'
            ? SIDEBAR_WIDTH.min
            : e.key === 'End'
              ? widest()
              : null;
    if (next === null) return;
    e.preventDefault();
    const px = Math.min(widest(), clampSidebarWidth(next));
    show(px);
    commit(px);
  };

  return (
    <div ref={rowRef} style={{ display: 'flex', flex: 1, minHeight: 0, minWidth: 0 }}>
      {open && (
        <>
          <div
            ref={paneRef}
            // Shrinks (down to its minimum) before the tab area goes under its own.
            style={{
              flex: `0 1 ${width}px`,
              minWidth: SIDEBAR_WIDTH.min,
              overflow: 'hidden',
              height: '100%',
            }}
          >
            {sidebar}
          </div>
          <div
            ref={separatorRef}
            role="separator"
            aria-label="Resize the sidebar"
            aria-orientation="vertical"
            aria-valuenow={width}
            aria-valuemin={SIDEBAR_WIDTH.min}
            aria-valuemax={SIDEBAR_WIDTH.max}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
            onKeyDown={onKeyDown}
            style={{
              flex: `0 0 ${SEPARATOR_WIDTH}px`,
              cursor: 'col-resize',
              touchAction: 'none',
              background: 'var(--mantine-color-default-border)',
            }}
          />
        </>
      )}
      <div style={{ flex: '1 1 0', minWidth: MAIN_MIN_WIDTH, height: '100%' }}>{main}</div>
    </div>
  );
}
