import { isLoopbackHost } from '../shared/team-url';

/** Only https links (and http to loopback, for the sandbox) may leave the app for the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && isLoopbackHost(u.hostname);
}

/** The one checked opener: every external link in the app goes through here. */
export function openExternalSafely(open: (url: string) => Promise<void>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void open(url).catch(() => undefined);
  return true;
}
