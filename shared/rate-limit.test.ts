import { describe, expect, it } from 'vitest';
import { describeRateLimit, readRateLimit } from './rate-limit';

const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);

describe('rate-limit headers', () => {
  it('reads seconds', () => {
    const info = readRateLimit(
      [
        ['x-ratelimit-limit', '3'],
        ['X-RateLimit-Remaining', '2'],
        ['x-ratelimit-reset', '41'],
      ],
      NOW,
    );
    expect(info).toEqual({ limit: 3, remaining: 2, resetSeconds: 41, resetRaw: '41' });
    expect(describeRateLimit(info!)).toBe('2 of 3 left, resets in 41 s');
  });
  it('reads a date-time and epoch seconds', () => {
    expect(
      readRateLimit([['x-ratelimit-reset', new Date(NOW + 300_000).toISOString()]], NOW)
        ?.resetSeconds,
    ).toBe(300);
    expect(readRateLimit([['x-ratelimit-reset', String(NOW / 1000 + 7)]], NOW)?.resetSeconds).toBe(
      7,
    );
  });
  it('is null without the headers', () => {
    expect(readRateLimit([['content-type', 'application/json']], NOW)).toBeNull();
  });
});
