import { diagnoseToken } from '../../shared/diagnosis/token-rules';
import { formUrlEncode } from '../../shared/form-encoding';
import type { TokenResult } from '../../shared/results';
import { originOf } from '../../shared/team-url';
import type { HistoryService } from './history-service';
import type { ProfileService } from './profile-service';

/**
 * Runs after every operation that returns a TokenResult (client credentials, code exchange,
 * refresh, device polling): adds the diagnosis and records the call in history, masked.
 */
export class TokenCallRecorder {
  constructor(
    private readonly profiles: ProfileService,
    private readonly history: HistoryService,
  ) {}

  async record(profileId: string, result: TokenResult): Promise<TokenResult> {
    // Nothing went over the wire and nothing failed (e.g. a pending device poll): nothing to say.
    if (!result.request && !result.response && !result.failure) return { ...result, diagnosis: [] };
    const profile = this.profiles.get(profileId);
    const secret = await this.profiles.getSecret(profileId).catch(() => null);
    const changes =
      formUrlEncode(profile.clientId) !== profile.clientId ||
      (secret !== null && formUrlEncode(secret) !== secret);
    const diagnosis = diagnoseToken({
      request: result.request,
      response: result.response,
      failure: result.failure,
      token: result.token,
      requestedScopes: profile.scopes,
      profile: {
        authMethod: profile.authMethod,
        basicEncoding: profile.basicEncoding,
        grantType: profile.grantType,
        origin: result.token?.origin ?? (result.request ? originOf(result.request.url) : null),
        credentialsChangeWhenEncoded: changes,
      },
    });
    const response = result.response;
    const entry = this.history.add(
      {
        profileId,
        profileName: profile.name,
        kind: 'token',
        method: result.request?.method ?? 'POST',
        url: result.request?.url ?? '',
        status: response?.status ?? null,
        outcome: result.token ? 'ok' : response ? 'error' : 'failed',
        durationMs: response?.timings.totalMs ?? null,
        request: result.request,
        basicDecoded: result.basicDecoded,
        response,
        failure: result.failure,
        diagnosis,
        resend: null,
      },
      [secret, result.token?.accessToken],
    );
    return { ...result, diagnosis, callId: entry.id };
  }
}
