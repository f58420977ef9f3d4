import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from '../after-paint';

/**
 * The value as it was until the frame after it changed has been painted, then the new one (in a
 * transition). For the long part of a view that follows a short one: the short part (a new
 * token) renders and paints at once, and the long part (its claims, findings and the wire) is
 * rendered after that paint instead of delaying it. `useDeferredValue` renders the long part
 * before the next frame when the frame is not yet due, which holds that frame back.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [value, shown]);
  return shown;
}

/**
 * False on the first render, true (in a transition) once that render's frame has been painted:
 * a long part below the fold (the scope catalog) is left out of a view's first commit.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => startTransition(() => setPainted(true))), []);
  return painted;
}
