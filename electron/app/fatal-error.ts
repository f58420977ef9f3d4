/** The parts of Electron's `app` and `dialog` a start-up failure needs. */
export interface FatalDeps {
  showErrorBox(title: string, content: string): void;
  exit(code: number): void;
  log(line: string): void;
  /** True once the window is on screen: later errors are logged, the app keeps running. */
  windowShown(): boolean;
}

/**
 * Anything that fails before the window is up (a bad launch option, an unwritable data dir, a
 * binding that fails to load) is said in a dialog and the process exits with 1, so it never
 * lingers invisibly and `npm start` can fall back to the browser host.
 */
export function createFatalHandler(deps: FatalDeps): (err: unknown) => void {
  return (err) => {
    const message = err instanceof Error ? err.message : String(err);
    if (deps.windowShown()) {
      deps.log(`Token Workbench: unexpected error: ${message}`);
      return;
    }
    deps.log(`Token Workbench could not start: ${message}`);
    try {
      deps.showErrorBox('Token Workbench could not start', message);
    } finally {
      deps.exit(1);
    }
  };
}
