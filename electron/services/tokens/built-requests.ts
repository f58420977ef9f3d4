import {
  buildTokenRequest,
  type BuiltTokenRequest,
  type TokenRequestInput,
} from '../../../shared/token-request';
import { deepFreeze } from '../store/deep-freeze';

/**
 * The last token request built per profile: a call with the same inputs (client credentials
 * asked again) sends the same request without building it again. It holds the secret, in the
 * main process only, like the request memory for Copy as curl; a change of any input (a new
 * secret, scopes, method) replaces it, and it is dropped with the profile. Multipart requests are
 * built afresh (a new boundary each time). Kept requests are frozen: callers share them.
 */
export class BuiltRequests {
  private readonly last = new Map<string, { key: string; built: BuiltTokenRequest }>();

  build(profileId: string, input: TokenRequestInput): BuiltTokenRequest {
    if (input.paramsAs === 'multipart') return buildTokenRequest(input);
    const key = JSON.stringify([
      input.tokenUrl,
      input.clientId,
      input.clientSecret ?? null,
      input.authMethod,
      input.paramsAs,
      input.basicEncoding,
      input.params,
    ]);
    const kept = this.last.get(profileId);
    if (kept?.key === key) return kept.built;
    const built = deepFreeze(buildTokenRequest(input));
    this.last.set(profileId, { key, built });
    return built;
  }

  forget(profileId: string): void {
    this.last.delete(profileId);
  }
}
