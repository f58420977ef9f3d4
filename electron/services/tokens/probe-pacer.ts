import { pause } from './abortable-pause';

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
