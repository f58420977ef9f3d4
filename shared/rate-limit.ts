import { headerValue } from './wire';

/** The platform's rate-limit headers, read: `N of M left, resets in …`. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  /** Seconds until the window resets; null when no reset was sent or it cannot be read. */
  resetSeconds: number | null;
  /** The reset as sent (seconds, or a date). */
  resetRaw: string | null;
}

function count(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/**
 * `x-ratelimit-reset` is documented as seconds to wait; one spec types it as a date-time. Both
 * are accepted; a number larger than a year of seconds is read as epoch seconds.
 */
export function resetSecondsOf(raw: string | null, nowMs: number): number | null {
  if (raw === null || raw.trim() === '') return null;
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n > 365 * 24 * 3600) return Math.max(0, Math.ceil(n - nowMs / 1000));
    return Math.ceil(n);
  }
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function readRateLimit(
  headers: readonly [string, string][],
  nowMs: number,
): RateLimitInfo | null {
  const limit = count(headerValue(headers, 'x-ratelimit-limit'));
  const remaining = count(headerValue(headers, 'x-ratelimit-remaining'));
  const resetRaw =
    headerValue(headers, 'x-ratelimit-reset') ?? headerValue(headers, 'retry-after') ?? null;
  if (limit === null && remaining === null && resetRaw === null) return null;
  return { limit, remaining, resetSeconds: resetSecondsOf(resetRaw, nowMs), resetRaw };
}

/** `2 of 3 left, resets in 41 s` (parts the server did not send are left out). */
export function describeRateLimit(info: RateLimitInfo): string {
  const parts: string[] = [];
  if (info.remaining !== null && info.limit !== null)
    parts.push(`${info.remaining} of ${info.limit} left`);
  else if (info.remaining !== null) parts.push(`${info.remaining} left`);
  else if (info.limit !== null) parts.push(`limit ${info.limit}`);
  if (info.resetSeconds !== null) parts.push(`resets in ${formatWait(info.resetSeconds)}`);
  else if (info.resetRaw) parts.push(`resets ${info.resetRaw}`);
  return parts.join(', ');
}

export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
