/** Spaces probe requests per profile, so a probe stays polite to the server. */
export class ProbePacer {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly gapMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits until the gap since this key's previous request has passed; false when cancelled. */
  async turn(key: string, signal: AbortSignal): Promise<boolean> {
    const wait = (this.last.get(key) ?? 0) + this.gapMs - this.now();
    if (wait > 0 && !(await pause(wait, signal))) return false;
    this.last.set(key, this.now());
    return !signal.aborted;
  }
}

export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
