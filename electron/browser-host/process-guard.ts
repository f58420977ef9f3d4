/**
 * The browser host's last line of defence: an error that escapes a request (a bug, a socket error
 * without a listener) is logged by its type and code only (never its message, which could quote
 * input) and the host keeps serving the other requests.
 */
export function describeEscapedError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `${err.name} (${code})` : err.name;
}

let installed = false;

export function installProcessGuard(log: (line: string) => void = console.error): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (err) =>
    log(`Token Workbench: kept serving after an unexpected error: ${describeEscapedError(err)}`),
  );
  process.on('unhandledRejection', (reason) =>
    log(
      `Token Workbench: kept serving after an unexpected rejection: ${describeEscapedError(reason)}`,
    ),
  );
}
