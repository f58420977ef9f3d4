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
  private readonly last = new Map<string, { input: TokenRequestInput; built: BuiltTokenRequest }>();

  build(profileId: string, input: TokenRequestInput): BuiltTokenRequest {
    if (input.paramsAs === 'multipart') return buildTokenRequest(input);
    const kept = this.last.get(profileId);
    if (kept && sameInput(kept.input, input)) return kept.built;
    const built = deepFreeze(buildTokenRequest(input));
    // A copy: the caller's params may change after the call.
    this.last.set(profileId, {
      input: { ...input, params: input.params.map(([k, v]) => [k, v]) },
      built,
    });
    return built;
  }

  forget(profileId: string): void {
    this.last.delete(profileId);
  }
}

/** Every input that goes into the request, compared as it is (no key text built per call). */
function sameInput(a: TokenRequestInput, b: TokenRequestInput): boolean {
  if (
    a.tokenUrl !== b.tokenUrl ||
    a.clientId !== b.clientId ||
    a.clientSecret !== b.clientSecret ||
    a.authMethod !== b.authMethod ||
    a.paramsAs !== b.paramsAs ||
    a.basicEncoding !== b.basicEncoding ||
    a.params.length !== b.params.length
  ) {
    return false;
  }
  return a.params.every(([k, v], i) => b.params[i]?.[0] === k && b.params[i]?.[1] === v);
}
