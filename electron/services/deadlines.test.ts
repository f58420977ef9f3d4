import { describe, expect, it } from 'vitest';
import { Deadlines } from './deadlines';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadlines on one timer', () => {
  it('runs a deadline that comes due, and not one that was ended before', async () => {
    const deadlines = new Deadlines();
    const ran: string[] = [];
    deadlines.add(20, () => ran.push('due'));
    const end = deadlines.add(20, () => ran.push('ended'));
    end();
    await pause(80);
    expect(ran).toEqual(['due']);
    expect(deadlines.size).toBe(0);
  });

  it('runs an earlier deadline added after a later one first', async () => {
    const deadlines = new Deadlines();
    const ran: string[] = [];
    deadlines.add(120, () => ran.push('later'));
    deadlines.add(10, () => ran.push('earlier'));
    await pause(60);
    expect(ran).toEqual(['earlier']);
    await pause(150);
    expect(ran).toEqual(['earlier', 'later']);
  });

  it('still runs a later deadline when the one the timer was armed for has ended', async () => {
    const deadlines = new Deadlines();
    const ran: string[] = [];
    const first = deadlines.add(10, () => ran.push('first'));
    deadlines.add(40, () => ran.push('second'));
    first();
    await pause(120);
    expect(ran).toEqual(['second']);
  });

  it('takes deadlines added while it runs the due ones', async () => {
    const deadlines = new Deadlines();
    const ran: string[] = [];
    deadlines.add(10, () => {
      ran.push('first');
      deadlines.add(10, () => ran.push('added by the first'));
    });
    await pause(120);
    expect(ran).toEqual(['first', 'added by the first']);
  });

  it('judges what is due by its clock, not by when the timer fires', async () => {
    let now = 0;
    const deadlines = new Deadlines(() => now);
    const ran: string[] = [];
    deadlines.add(1000, () => ran.push('due at 1000'));
    deadlines.add(1, () => ran.push('due at 1'));
    now = 5;
    await pause(40);
    // The timer woke for the deadline at 1; the one at 1000 is not due on this clock.
    expect(ran).toEqual(['due at 1']);
    expect(deadlines.size).toBe(1);
  });
});
