import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636: a verifier from 32 random bytes (43 base64url characters) and its S256 challenge. */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** A fresh, unguessable `state` for one attempt. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
