import { createHmac, randomBytes } from 'node:crypto';
import type { RequestShape, SinceLastToken } from '../../../shared/diagnosis/inputs';
import { normalizedUrl, shapeFromLayout } from '../../../shared/diagnosis/recorded-shape';
import type { StoredProfile } from '../../../shared/profile';

type ShapedProfile = Pick<
  StoredProfile,
  'id' | 'clientId' | 'authMethod' | 'basicEncoding' | 'paramsAs'
>;

export interface LastTokenShapesDeps {
  /** The newest history entry that gave the profile its token (from an earlier run, too). */
  recorded?: (profileId: string) => { at: number; layout: unknown } | null;
}

/**
 * How the last call that got each profile a token was made: the diagnosis of a later refusal
 * says what changed since (see shared/diagnosis/since-last-token.ts). This run's calls are kept
 * here, the secret only as a keyed hash whose key lives in this object, so it can be compared,
 * never read; before the first token of a run, the call is read back from history, without the
 * secret (it cannot be compared then). The last secret hashed per profile is held beside its
 * hash (in memory, as the vault's cache and the built requests hold it), so that a profile's
 * calls with the same secret are not hashed again: the hash costs about as much as the rest of
 * the diagnosis on a cold CPU after a network wait.
 */
export class LastTokenShapes {
  private readonly key = randomBytes(32);

  constructor(private readonly deps: LastTokenShapesDeps = {}) {}
  private readonly last = new Map<string, { shape: RequestShape; at: number }>();
  private readonly tags = new Map<string, { secret: string; tag: string }>();

  private tagOf(profileId: string, secret: string): string {
    const kept = this.tags.get(profileId);
    if (kept?.secret === secret) return kept.tag;
    const tag = createHmac('sha256', this.key).update(secret).digest('base64url');
    this.tags.set(profileId, { secret, tag });
    return tag;
  }

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
      secretTag: sent ? this.tagOf(profile.id, secret) : null,
    };
  }

  remember(profileId: string, shape: RequestShape, at: number): void {
    this.last.set(profileId, { shape, at });
  }

  /**
   * This call beside the profile's last token; undefined when it never had one. `addressMoves`:
   * the profile's address changes between runs (the sandbox's port), so a token from history is
   * not compared by its Token URL.
   */
  since(
    profileId: string,
    now: RequestShape,
    nowAt: number,
    addressMoves = false,
  ): SinceLastToken | undefined {
    const last = this.last.get(profileId);
    if (last) return { then: last.shape, thenAt: last.at, now, nowAt };
    const recorded = this.deps.recorded?.(profileId);
    const then = recorded ? shapeFromLayout(recorded.layout) : null;
    if (!recorded || !then) return undefined;
    const comparable = { ...now, tokenUrl: normalizedUrl(now.tokenUrl) };
    if (addressMoves) then.tokenUrl = comparable.tokenUrl;
    return { then, thenAt: recorded.at, now: comparable, nowAt, fromHistory: true };
  }

  forget(profileId: string): void {
    this.last.delete(profileId);
    this.tags.delete(profileId);
  }
}
