/**
 * The claims of a JWT access token, decoded for display (not verified: the signature check is
 * the client check's job). Null when the token is not a JWT (an opaque token).
 */
export interface JwtClaims {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** One decoder for every call: this runs on each token a call receives. */
const utf8 = new TextDecoder();

/** base64url alphabet -> 6-bit value; -1 for any other character. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  SEXTET['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charCodeAt(i)] = i;
}

/**
 * The bytes of an unpadded base64url text (RFC 7515 §2), or null when it has a character outside
 * the alphabet or a length no encoding gives. One pass, no intermediate strings: atob, the
 * alphabet swap and a map function cost several times as much on every token.
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  const n = text.length;
  if (n === 0 || n % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? SEXTET[code]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function decodePart(part: string): Record<string, unknown> | null {
  const bytes = decodeBase64Url(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function decodeJwtClaims(token: string): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const header = decodePart(parts[0]!);
  const payload = decodePart(parts[1]!);
  return header && payload ? { header, payload } : null;
}

/** `exp`, `iat`, `nbf` as readable UTC times beside their numbers. */
export function claimText(name: string, value: unknown): string {
  if ((name === 'exp' || name === 'iat' || name === 'nbf') && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString().replace('.000', '')})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
