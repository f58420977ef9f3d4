import { pause } from '../abortable-pause';

/** Time as the token services see it: now, and an abortable pause (false when cancelled). */
export interface Clock {
  now(): number;
  pause(ms: number, signal: AbortSignal): Promise<boolean>;
}

export const systemClock: Clock = { now: () => Date.now(), pause };
