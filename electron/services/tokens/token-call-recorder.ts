import type { Finding } from '../../../shared/diagnosis/finding';
import type { MethodEvidence, SinceLastToken } from '../../../shared/diagnosis/inputs';
import { diagnoseToken } from '../../../shared/diagnosis/token-rules';
import type { StoredProfile } from '../../../shared/profile';
import type { TokenResult } from '../../../shared/results';
import { originOf } from '../../../shared/team-url';
import type { HistoryService } from '../history-service';
import type { AllMembers } from './all-members';

/** Characters the form encoder (URLSearchParams) leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*\-._]*$/;

/** Same answer as `formUrlEncode(value) !== value`, without building the encoded text. */
export function changesWhenFormEncoded(value: string): boolean {
  return !FORM_SAFE.test(value);
}

export interface TokenCallRecorderDeps {
  history: HistoryService;
}

export interface RecordedCall {
  profile: StoredProfile;
  /** The secret the call used (masked out of the entry, never stored). */
  secret: string | undefined;
  requestedScopes: readonly string[];
  result: TokenResult;
  /** Further values to mask wherever they appear (code, verifier, refresh token, …). */
  hidden: readonly string[];
  /** The method probe's verdicts and discovery's methods: evidence about the method. */
  methodEvidence?: MethodEvidence;
  /** The profile's last token beside this call: what changed since. */
  sinceLastToken?: SinceLastToken;
  /** Its token becomes the profile's current one: a later refusal is compared with it. */
  becameCurrent?: boolean;
}

/**
 * Steps 5 and 6 of the pipeline: the diagnosis of a token call, then its history entry, masked.
 */
export class TokenCallRecorder {
  constructor(private readonly deps: TokenCallRecorderDeps) {}

  record(call: RecordedCall): TokenResult {
    const { profile, secret, result } = call;
    // Nothing went over the wire and nothing failed (e.g. a pending device poll): nothing to say.
    if (!result.request && !result.response && !result.failure)
      return completed(result, [], undefined);
    const changes =
      changesWhenFormEncoded(profile.clientId) ||
      (secret !== undefined && changesWhenFormEncoded(secret));
    const diagnosis = diagnoseToken({
      request: result.request,
      response: result.response,
      failure: result.failure,
      token: result.token,
      requestedScopes: call.requestedScopes.slice(),
      methodEvidence: call.methodEvidence,
      sinceLastToken: call.sinceLastToken,
      profile: {
        authMethod: profile.authMethod,
        basicEncoding: profile.basicEncoding,
        grantType: profile.grantType,
        origin: result.token?.origin ?? (result.request ? originOf(result.request.url) : null),
        credentialsChangeWhenEncoded: changes,
        paramsAs: profile.paramsAs,
      },
    });
    const response = result.response;
    const entry = this.deps.history.add(
      {
        profileId: profile.id,
        profileName: profile.name,
        kind: 'token',
        method: result.request?.method ?? 'POST',
        url: result.request?.url ?? '',
        status: response?.status ?? null,
        outcome: result.token ? 'ok' : response ? 'error' : 'failed',
        durationMs: response?.timings.totalMs ?? null,
        request: result.request,
        basicDecoded: result.basicDecoded,
        wireLayout: result.wireLayout,
        response,
        failure: result.failure,
        diagnosis,
        resend: null,
        becameCurrent: call.becameCurrent || undefined,
      },
      [secret, result.token?.accessToken, ...call.hidden],
    );
    return completed(result, diagnosis, entry.id);
  }
}

/** The call's result with its diagnosis and history entry, copied member by member. */
function completed(
  result: TokenResult,
  diagnosis: Finding[],
  callId: string | undefined,
): TokenResult {
  const out: AllMembers<TokenResult> = {
    request: result.request,
    basicDecoded: result.basicDecoded,
    wireLayout: result.wireLayout,
    response: result.response,
    token: result.token,
    failure: result.failure,
    diagnosis,
    callId,
    endpoint: result.endpoint,
  };
  return out;
}
