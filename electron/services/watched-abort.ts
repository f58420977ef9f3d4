/** The watchers of each signal made by a WatchedAbort: it runs them itself when it aborts. */
const watchers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * An AbortController whose abort can be watched without an EventTarget listener. Adding and
 * removing an `abort` listener on an AbortSignal costs 15-25 µs on a CPU gone cold in a network
 * wait (measured), and every call to an endpoint watches its request's signal. The signal of a
 * WatchedAbort is aborted only through its `abort()`, which also runs its watchers; listeners
 * added the usual way (addEventListener) still hear of it.
 */
export class WatchedAbort {
  private readonly controller = new AbortController();
  private readonly hooks = new Set<() => void>();

  constructor() {
    watchers.set(this.controller.signal, this.hooks);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    const hooks = [...this.hooks];
    this.hooks.clear();
    for (const hook of hooks) hook();
  }
}

/**
 * Runs `fn` once when `signal` aborts; returns the function that stops watching. Like an abort
 * listener, it never runs for a signal that had aborted before the call.
 */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  const hooks = watchers.get(signal);
  if (hooks) {
    if (!signal.aborted) hooks.add(fn);
    return () => hooks.delete(fn);
  }
  signal.addEventListener('abort', fn, { once: true });
  return () => signal.removeEventListener('abort', fn);
}
