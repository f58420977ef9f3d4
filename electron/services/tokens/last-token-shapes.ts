import { createHmac, randomBytes } from 'node:crypto';
import type { RequestShape, SinceLastToken } from '../../../shared/diagnosis/inputs';
import type { StoredProfile } from '../../../shared/profile';

type ShapedProfile = Pick<StoredProfile, 'clientId' | 'authMethod' | 'basicEncoding' | 'paramsAs'>;

/**
 * How the last call that got each profile a token was made, for this run: the diagnosis of a
 * later refusal says what changed since (see shared/diagnosis/since-last-token.ts). The secret
 * is kept only as a keyed hash whose key lives in this object, so it can be compared, never read.
 */
export class LastTokenShapes {
  private readonly key = randomBytes(32);
  private readonly last = new Map<string, { shape: RequestShape; at: number }>();

  shapeOf(
    profile: ShapedProfile,
    secret: string | undefined,
    tokenUrl: string,
    scopes: readonly string[],
  ): RequestShape {
    const sent = profile.authMethod !== 'none' && secret !== undefined;
    return {
      tokenUrl,
      clientId: profile.clientId,
      authMethod: profile.authMethod,
      basicEncoding: profile.basicEncoding,
      paramsAs: profile.paramsAs,
      scopes: [...scopes],
      secretTag: sent ? createHmac('sha256', this.key).update(secret).digest('base64url') : null,
    };
  }

  remember(profileId: string, shape: RequestShape, at: number): void {
    this.last.set(profileId, { shape, at });
  }

  /** This call beside the profile's last token; undefined before its first token this run. */
  since(profileId: string, now: RequestShape, nowAt: number): SinceLastToken | undefined {
    const last = this.last.get(profileId);
    return last && { then: last.shape, thenAt: last.at, now, nowAt };
  }

  forget(profileId: string): void {
    this.last.delete(profileId);
  }
}
