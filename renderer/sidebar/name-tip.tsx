import { useCallback, useMemo, useState } from 'react';
import type { FocusEvent, MouseEvent } from 'react';
import classes from './sidebar.module.css';

type Target = FocusEvent<HTMLElement> | MouseEvent<HTMLElement>;

/**
 * One tooltip for the whole sidebar: a cut-off name shows in full on hover and on keyboard
 * focus. One element instead of one per row keeps the virtual list cheap to render.
 */
export function useNameTip() {
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const show = useCallback((e: Target) => {
    const el = e.currentTarget;
    if (el.scrollWidth <= el.clientWidth) return;
    const rect = el.getBoundingClientRect();
    setTip({ text: el.textContent ?? '', x: rect.left, y: rect.bottom + 4 });
  }, []);
  const hide = useCallback(() => setTip(null), []);
  const element = tip ? (
    <div className={classes.tip} role="tooltip" style={{ left: tip.x, top: tip.y }}>
      {tip.text}
    </div>
  ) : null;
  // The same object every render: rows that take it stay memoized while the tip changes.
  const handlers = useMemo(
    () => ({ onMouseEnter: show, onFocus: show, onMouseLeave: hide, onBlur: hide }),
    [show, hide],
  );
  return { handlers, element };
}
