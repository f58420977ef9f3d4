import { expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

it('allows `limit` hits per window per key, then reports when to retry', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter(() => now);
  const rule = { limit: 3, windowSeconds: 60 };

  expect([1, 2, 3].map(() => limiter.hit('a', rule).remaining)).toEqual([2, 1, 0]);
  now += 20_500;
  expect(limiter.hit('a', rule)).toEqual({
    allowed: false,
    limit: 3,
    remaining: 0,
    resetSeconds: 40,
  });
  expect(limiter.hit('b', rule).allowed).toBe(true);

  now += 40_000;
  expect(limiter.hit('a', rule)).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 60 });
});
