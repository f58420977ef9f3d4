import type { Clock } from './clock';

/** Spaces probe requests per profile, so a probe stays polite to the server. */
export class ProbePacer {
  private readonly last = new Map<string, number>();

  constructor(private readonly deps: { gapMs: number; clock: Clock }) {}

  /** Waits until the gap since this key's previous request has passed; false when cancelled. */
  async turn(key: string, signal: AbortSignal): Promise<boolean> {
    const { clock, gapMs } = this.deps;
    const wait = (this.last.get(key) ?? 0) + gapMs - clock.now();
    if (wait > 0 && !(await clock.pause(wait, signal))) return false;
    this.last.set(key, clock.now());
    return !signal.aborted;
  }
}
