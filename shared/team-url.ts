/** Team and cluster of `https://<team>.<cluster>.celonis.cloud`. */
export interface TeamAddress {
  team: string;
  cluster: string;
}

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isValidLabel(value: string): boolean {
  return label.test(value);
}

export function teamBaseUrl({ team, cluster }: TeamAddress): string {
  return `https://${team}.${cluster}.celonis.cloud`;
}

/**
 * Reads team and cluster from anything a user may paste: a full team URL with path and query,
 * a bare host name, or a URL with upper-case letters. Returns null when it is not a
 * `<team>.<cluster>.celonis.cloud` address.
 */
export function parseTeamUrl(input: string): TeamAddress | null {
  const text = input.trim();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  const parts = host.toLowerCase().split('.');
  if (parts.length !== 4 || parts[2] !== 'celonis' || parts[3] !== 'cloud') return null;
  const [team, cluster] = parts as [string, string];
  if (!isValidLabel(team) || !isValidLabel(cluster)) return null;
  return { team, cluster };
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Checks a Base URL or Token URL override: an absolute http(s) URL without credentials;
 * plain http only for loopback addresses. Returns an error message or null.
 */
export function checkOverrideUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL (expected https://host[/path])';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `must use https (got ${url.protocol.replace(':', '')})`;
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'may use plain http only for a loopback address (127.0.0.1, localhost, ::1); use https';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.hash) return 'must not contain a #fragment';
  return null;
}

/** Joins a base URL and a path such as `/oauth2/token`, keeping any path prefix of the base. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

let lastOrigin: { url: string; origin: string | null } | null = null;

/** The origin of a URL, or null. The last answer is kept: calls ask for the same URL in a row. */
export function originOf(url: string): string | null {
  if (lastOrigin?.url === url) return lastOrigin.origin;
  let origin: string | null;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = null;
  }
  lastOrigin = { url, origin };
  return origin;
}
