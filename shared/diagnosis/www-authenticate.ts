/** An RFC 6750 §3 challenge: `Bearer error="insufficient_scope", scope="a b"`. */
export interface BearerChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** Reads the first challenge of a WWW-Authenticate value; null when there is none. */
export function parseWwwAuthenticate(value: string | null): BearerChallenge | null {
  if (!value) return null;
  const m = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(value);
  if (!m?.[1]) return null;
  const params: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const p of (m[2] ?? '').matchAll(re)) {
    const key = p[1]?.toLowerCase();
    if (key && !(key in params)) params[key] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: m[1], params };
}
