export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets, at least 1. */
  resetSeconds: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/** Fixed-window counters, one per key (an endpoint and a token), kept in memory. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, rule: RateLimit): RateDecision {
    const now = this.now();
    const windowMs = rule.windowSeconds * 1000;
    this.prune(now, windowMs);

    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    if (window.count >= rule.limit) {
      return { allowed: false, limit: rule.limit, remaining: 0, resetSeconds };
    }
    window.count += 1;
    return { allowed: true, limit: rule.limit, remaining: rule.limit - window.count, resetSeconds };
  }

  /** Drops windows long past, so a long-running sandbox does not grow without bound. */
  private prune(now: number, windowMs: number): void {
    if (this.windows.size < 1000) return;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= Math.max(windowMs, 60 * 60 * 1000)) this.windows.delete(key);
    }
  }
}
