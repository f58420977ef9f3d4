import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Renders its children one step after the first paint, in a transition: React renders them in
 * slices of a few milliseconds, so a heavy part of a tab (the scope catalog, the client checks)
 * never blocks the main thread for long when the tab opens.
 */
export function Deferred({
  children,
  fallback = null,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready ? children : fallback;
}
