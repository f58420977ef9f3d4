/** The part of Electron's `app` the quit guard uses. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the first quit until the services have closed (sandbox, receivers, pending writes),
 * then quits for real. A close that fails or hangs does not keep the app alive: 5 s at most.
 */
export function createQuitGuard(app: QuittingApp, graceMs = 5000) {
  let close: (() => Promise<void>) | null = null;
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed' || !close) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref?.());
    void Promise.race([close().catch(() => undefined), timeout]).finally(() => {
      state = 'closed';
      app.quit();
    });
  });
  return {
    closeOnQuit(fn: () => Promise<void>) {
      close = fn;
    },
  };
}
