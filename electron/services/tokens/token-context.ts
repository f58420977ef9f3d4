import { effectiveBaseUrl, type ProfileFields, type StoredProfile } from '../../../shared/profile';
import type { TokenResult } from '../../../shared/results';
import type { Failure } from '../../../shared/wire';
import type { ProfileService } from '../profile-service';
import type { SandboxService } from '../sandbox-service';
import type { EndpointResolver, TokenEndpoint } from './endpoint-resolver';

/** A profile with its addresses and secret resolved, ready for a call to the token endpoint. */
export interface TokenContext {
  profile: StoredProfile;
  baseUrl: string;
  endpoint: TokenEndpoint;
  /** undefined for a public client (authentication method none). */
  secret: string | undefined;
}

export function prepareFailure(title: string, message: string, hint: string): TokenResult {
  const failure: Failure = { step: 'prepare', kind: 'invalid-input', title, message, hint };
  return { request: null, response: null, token: null, failure };
}

export function isContext(value: TokenContext | TokenResult): value is TokenContext {
  return 'profile' in value;
}

/** "Get token without saving": unsaved fields and a typed secret, for one request only. */
export interface ProfileDraft {
  fields: ProfileFields;
  clientSecret?: string;
}

export interface TokenContextDeps {
  profiles: ProfileService;
  sandbox: SandboxService;
  endpoints: EndpointResolver;
}

/** Step 1 of the pipeline: the profile, its base URL, its one token endpoint, its secret. */
export class TokenContexts {
  constructor(private readonly deps: TokenContextDeps) {}

  /** The profile as this call sees it (the saved one, or with a draft's fields). */
  profile(profileId: string, draft?: ProfileDraft): StoredProfile {
    const saved = this.deps.profiles.get(profileId);
    return draft ? { ...saved, ...draft.fields } : saved;
  }

  /** Base URL in effect for a profile, starting the sandbox when the profile needs it. */
  async baseUrlFor(profile: StoredProfile): Promise<string | null> {
    const sandboxUrl = profile.sandbox ? (await this.deps.sandbox.ensureStarted()).url : null;
    return effectiveBaseUrl(profile, sandboxUrl);
  }

  /** A TokenResult with a prepare failure when an address or the secret is missing. */
  async prepare(
    profileId: string,
    signal: AbortSignal,
    draft?: ProfileDraft,
  ): Promise<TokenContext | TokenResult> {
    const profile = this.profile(profileId, draft);
    const baseUrl = await this.baseUrlFor(profile);
    if (!baseUrl) {
      return prepareFailure(
        'Profile has no address',
        'Neither Team and Cluster nor a Base URL are set.',
        'Fill in Team and Cluster (or paste the team URL), then save the profile.',
      );
    }
    const endpoint = await this.deps.endpoints.resolve(profile, baseUrl, signal);
    if (profile.authMethod === 'none') return { profile, baseUrl, endpoint, secret: undefined };
    const secret = draft?.clientSecret ?? (await this.deps.profiles.getSecret(profile.id));
    if (secret === null) {
      return prepareFailure(
        'No client secret',
        `The authentication method ${profile.authMethod} needs the client secret, and none is saved for this profile.`,
        'Enter the Client secret from Admin & Settings > Applications and save the profile, or set Authentication method to none for a public client.',
      );
    }
    return { profile, baseUrl, endpoint, secret };
  }
}
