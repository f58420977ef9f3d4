/**
 * The claims of a JWT access token, decoded for display (not verified: the signature check is
 * the client check's job). Null when the token is not a JWT (an opaque token).
 */
export interface JwtClaims {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function decodePart(part: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
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
