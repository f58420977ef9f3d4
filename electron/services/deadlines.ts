/**
 * Deadlines on one timer. Every call to an endpoint has a deadline for its whole answer
 * (connect, headers and body); a timer of its own, armed and cleared on each call, costs 15-20 µs
 * on a CPU gone cold in the network wait (measured), half of it after the answer. Here a call
 * only adds its deadline to a set and deletes it when done. The one timer is armed for the
 * earliest deadline and left running when calls end: it wakes at that time, runs what is due and
 * arms itself for the next deadline, if any. Calls that follow each other with one timeout add
 * later deadlines than the armed one and never touch the timer. It is unref'd: a deadline never
 * keeps a process alive (a call in flight has its socket for that).
 */
export class Deadlines {
  private readonly pending = new Set<{ at: number; due: () => void }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private armedAt = Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `due` once `ms` from now, unless the returned function is called first. */
  add(ms: number, due: () => void): () => void {
    const entry = { at: this.now() + ms, due };
    this.pending.add(entry);
    if (entry.at < this.armedAt) this.arm(entry.at);
    return () => void this.pending.delete(entry);
  }

  get size(): number {
    return this.pending.size;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.wake(), Math.max(0, at - this.now()));
    this.timer.unref();
  }

  private wake(): void {
    this.timer = null;
    this.armedAt = Infinity;
    const now = this.now();
    let next = Infinity;
    const due: (() => void)[] = [];
    for (const entry of this.pending) {
      if (entry.at <= now) {
        this.pending.delete(entry);
        due.push(entry.due);
      } else if (entry.at < next) next = entry.at;
    }
    if (next < Infinity) this.arm(next);
    for (const fn of due) fn();
  }
}

/** The deadlines of every call this process makes. */
export const callDeadlines = new Deadlines();
