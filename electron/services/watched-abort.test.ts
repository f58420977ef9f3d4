import { describe, expect, it } from 'vitest';
import { onAbort, WatchedAbort } from './watched-abort';

describe('WatchedAbort', () => {
  it('runs its watchers once on abort, and listeners added the usual way hear of it too', () => {
    const w = new WatchedAbort();
    const heard: string[] = [];
    onAbort(w.signal, () => heard.push('watcher'));
    w.signal.addEventListener('abort', () => heard.push('listener'));
    w.abort();
    w.abort();
    expect(w.signal.aborted).toBe(true);
    expect(heard.sort()).toEqual(['listener', 'watcher']);
  });

  it('does not run a watcher that stopped watching, nor one added after the abort', () => {
    const w = new WatchedAbort();
    const heard: string[] = [];
    const stop = onAbort(w.signal, () => heard.push('stopped'));
    stop();
    w.abort();
    onAbort(w.signal, () => heard.push('late'));
    expect(heard).toEqual([]);
  });

  it('watches any other signal with a listener, and stops watching it', () => {
    const c = new AbortController();
    const heard: string[] = [];
    onAbort(c.signal, () => heard.push('kept'));
    const stop = onAbort(c.signal, () => heard.push('stopped'));
    stop();
    c.abort();
    expect(heard).toEqual(['kept']);
  });
});
