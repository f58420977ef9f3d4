/**
 * The browser host's per-launch key. The printed link carries it once as `?key=`; the page keeps
 * it in sessionStorage and removes it from the address bar so it is not bookmarked or shared.
 */
export const launchKeyStorageName = 'workbench-key';

export interface LaunchKeyEnvironment {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl: (url: string) => void;
}

export function takeLaunchKey(env: LaunchKeyEnvironment): string | null {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null) {
    url.searchParams.delete('key');
    env.replaceUrl(url.pathname + url.search + url.hash);
    if (fromUrl !== '') {
      env.storage.setItem(launchKeyStorageName, fromUrl);
      return fromUrl;
    }
  }
  const stored = env.storage.getItem(launchKeyStorageName);
  return stored ? stored : null;
}
