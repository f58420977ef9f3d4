import { useEffect, useState, type RefObject } from 'react';
import { rowSpan, sameSpan, windowOf, type RowSpan } from '../../shared/virtual-window';

/**
 * The rows of a list of fixed-height rows to render, [start, end), for a scroll container. It
 * re-renders only when the span of rows on screen changes, not on every scrolled pixel.
 */
export function useVirtualWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): { start: number; end: number } {
  // The first render already covers the window's height; the real height follows.
  const [span, setSpan] = useState<RowSpan>(() =>
    rowSpan(0, typeof window === 'undefined' ? 0 : window.innerHeight, rowHeight),
  );
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      const next = rowSpan(el.scrollTop, el.clientHeight, rowHeight);
      setSpan((prev) => (sameSpan(prev, next) ? prev : next));
    };
    el.addEventListener('scroll', update, { passive: true });
    // Also reports the first size, once the list is laid out.
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scroller, rowHeight]);
  return windowOf(span, count, overscan);
}
