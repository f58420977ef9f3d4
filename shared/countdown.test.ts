import { describe, expect, it } from 'vitest';
import { countdown, formatDuration } from './countdown';

describe('countdown', () => {
  it('formats m:ss below an hour and h:mm:ss above', () => {
    expect(formatDuration(899)).toBe('14:59');
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('counts down from expires_in measured at receipt', () => {
    const t0 = 1_000_000;
    expect(countdown(t0, 899, t0).label).toBe('Expires in 14:59');
    expect(countdown(t0, 899, t0 + 1000).label).toBe('Expires in 14:58');
    expect(countdown(t0, 899, t0).phase).toBe('ok');
  });

  it('warns in the last minute and says Expired at zero', () => {
    const t0 = 0;
    expect(countdown(t0, 899, 840_000).phase).toBe('warning');
    const end = countdown(t0, 899, 899_000);
    expect(end).toMatchObject({
      label: 'Expired',
      phase: 'expired',
      secondsLeft: 0,
      percentLeft: 0,
    });
  });
});
