import { describe, expect, it } from 'vitest';
import { launchKeyStorageName, takeLaunchKey } from './launch-key';

function env(href: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[launchKeyStorageName, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    store,
    env: {
      href,
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      replaceUrl: (url: string) => void replaced.push(url),
    },
  };
}

describe('launch key', () => {
  it('takes the key from the URL, stores it and removes it from the address bar', () => {
    const t = env('http://127.0.0.1:5000/?key=abc&x=1#top');
    expect(takeLaunchKey(t.env)).toBe('abc');
    expect(t.store.get(launchKeyStorageName)).toBe('abc');
    expect(t.replaced).toEqual(['/?x=1#top']);
  });

  it('falls back to the stored key, a new URL key wins', () => {
    expect(takeLaunchKey(env('http://127.0.0.1:5000/', 'old').env)).toBe('old');
    expect(takeLaunchKey(env('http://127.0.0.1:5000/?key=new', 'old').env)).toBe('new');
    expect(takeLaunchKey(env('http://127.0.0.1:5000/').env)).toBeNull();
  });
});
