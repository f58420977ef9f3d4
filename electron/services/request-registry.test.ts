import { describe, expect, it } from 'vitest';
import { RequestRegistry } from './request-registry';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestRegistry', () => {
  it('gives every run a signal of its own, never one used before, also when made ahead', async () => {
    const registry = new RequestRegistry();
    const signals: AbortSignal[] = [];
    for (let i = 0; i < 4; i++) {
      await registry.run(`r-${i}`, async (signal) => void signals.push(signal));
      await turn(); // the next run's controller is made in this turn
    }
    // Two runs in the same turn: the second cannot take the spare the first took.
    await Promise.all([
      registry.run('same-turn-a', async (signal) => void signals.push(signal)),
      registry.run('same-turn-b', async (signal) => void signals.push(signal)),
    ]);
    expect(new Set(signals).size).toBe(signals.length);
    expect(signals.every((s) => !s.aborted)).toBe(true);
  });

  it('cancels only the run it names; the run after it gets a signal not aborted', async () => {
    const registry = new RequestRegistry();
    let cancelled: AbortSignal | null = null;
    const running = registry.run('one', (signal) => {
      cancelled = signal;
      return new Promise<string>((resolve) =>
        signal.addEventListener('abort', () => resolve('aborted')),
      );
    });
    const other = registry.run('two', async (signal) => signal.aborted);
    expect(registry.cancel('one')).toBe(true);
    expect(await running).toBe('aborted');
    expect(await other).toBe(false);
    await turn();
    const next = await registry.run('one', async (signal) => signal);
    expect(next).not.toBe(cancelled);
    expect(next.aborted).toBe(false);
    expect(registry.cancel('one')).toBe(false);
    expect(registry.size).toBe(0);
  });

  it('aborts a run that is started again under the same id', async () => {
    const registry = new RequestRegistry();
    let first: AbortSignal | null = null;
    void registry.run('same', async (signal) => {
      first = signal;
      await turn();
    });
    await registry.run('same', async () => undefined);
    expect(first!.aborted).toBe(true);
  });
});
