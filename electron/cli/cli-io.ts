/** Where the command line writes, and whether stdout is a terminal (tests pass their own). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (not a pipe or a file). */
  stdoutIsTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
};

/** A usage or setup problem: exit code 2, the message names the argument or the profile. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Exit codes: 0 ok, 1 a failure the check (or the call) found, 2 usage or setup. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
