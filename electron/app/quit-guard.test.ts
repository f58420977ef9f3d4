import { describe, expect, it } from 'vitest';
import { createQuitGuard, type QuittingApp } from './quit-guard';

function fakeApp() {
  const listeners: ((e: { preventDefault(): void }) => void)[] = [];
  let quits = 0;
  const app: QuittingApp = {
    on: (_name, l) => listeners.push(l),
    quit: () => {
      quits++;
      fire();
    },
  };
  const prevented: boolean[] = [];
  const fire = () => {
    let p = false;
    for (const l of listeners) l({ preventDefault: () => (p = true) });
    prevented.push(p);
  };
  return { app, fire, prevented, quits: () => quits };
}

describe('quit guard', () => {
  it('holds the first quit until the services closed, then quits once', async () => {
    const f = fakeApp();
    const guard = createQuitGuard(f.app);
    let closed = false;
    let release!: () => void;
    guard.closeOnQuit(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            closed = true;
            resolve();
          };
        }),
    );
    f.fire();
    f.fire(); // a second Cmd+Q while closing
    expect(f.prevented).toEqual([true, true]);
    expect(f.quits()).toBe(0);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(true);
    expect(f.quits()).toBe(1);
    expect(f.prevented.at(-1)).toBe(false);
  });

  it('quits at once when nothing is open yet, and after the grace time when closing hangs', async () => {
    const early = fakeApp();
    createQuitGuard(early.app);
    early.fire();
    expect(early.prevented).toEqual([false]);

    const hung = fakeApp();
    createQuitGuard(hung.app, 10).closeOnQuit(() => new Promise<void>(() => {}));
    hung.fire();
    await new Promise((r) => setTimeout(r, 50));
    expect(hung.quits()).toBe(1);
  });
});
