import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const SIGNING_ALG = 'RS256';

export interface SandboxKeys {
  /** Private JWKs for oidc-provider's `jwks` configuration. */
  privateJwks: { keys: JWK[] };
  /** The matching public JWKs, for verifying access tokens at the sample APIs. */
  publicJwks: { keys: JWK[] };
}

/** A fresh signing key per sandbox start; it lives in memory only. */
export async function generateSandboxKeys(): Promise<SandboxKeys> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomUUID();
  const meta = { kid, alg: SIGNING_ALG, use: 'sig' };
  return {
    privateJwks: { keys: [{ ...(await exportJWK(privateKey)), ...meta }] },
    publicJwks: { keys: [{ ...(await exportJWK(publicKey)), ...meta }] },
  };
}
