import { renderCurl, curlVariables, type CurlSecrets } from '../../shared/curl';
import { basicAuthorizationHeader, formUrlEncode } from '../../shared/form-encoding';
import type { ApiService } from './api-service';
import { WorkbenchInputError } from './errors';
import type { HistoryService } from './history-service';
import type { ProfileService } from './profile-service';

export interface CurlExport {
  command: string;
  /** Shell variables the command expects, with what each must hold. */
  variables: { name: string; meaning: string }[];
  includesSecrets: boolean;
}

const meanings: Record<string, string> = {
  ACCESS_TOKEN: 'the access token (Token panel, Copy)',
  API_KEY: 'the API key',
  CLIENT_SECRET:
    'the client secret, form-encoded when the profile uses RFC 6749 Basic encoding or sends it in a form body',
};

/** "Copy as curl" for a call in history: variables by default, the real values on request. */
export class CurlExportService {
  constructor(
    private readonly history: HistoryService,
    private readonly profiles: ProfileService,
    private readonly api: ApiService,
  ) {}

  async export(callId: string, includeSecrets: boolean): Promise<CurlExport> {
    const entry = this.history.get(callId);
    if (!entry?.request) {
      throw new WorkbenchInputError('This call sent no request, so there is nothing to copy.');
    }
    if (!includeSecrets) {
      const command = renderCurl(entry.request, {
        basicDecoded: entry.basicDecoded,
        bearerVariable: entry.resend?.auth === 'apiKey' ? 'API_KEY' : 'ACCESS_TOKEN',
      });
      const variables = curlVariables(command).map((name) => ({
        name,
        meaning: meanings[name] ?? '',
      }));
      return { command, variables, includesSecrets: false };
    }
    if (entry.kind === 'api') {
      const real = this.api.realRequest(callId);
      if (!real) {
        throw new WorkbenchInputError(
          'The secrets of this call are no longer in memory: send it again, or copy with variables.',
        );
      }
      return { command: renderCurl(real), variables: [], includesSecrets: true };
    }
    const profile = this.profiles.get(entry.profileId);
    const secret = await this.profiles.getSecret(profile.id);
    const secrets: CurlSecrets = {};
    if (secret !== null) {
      secrets.basicAuthorization = basicAuthorizationHeader(
        profile.clientId,
        secret,
        profile.basicEncoding,
      );
      secrets.clientSecret = entry.request.body?.contentType.startsWith('multipart/')
        ? secret
        : formUrlEncode(secret);
    }
    const command = renderCurl(entry.request, { basicDecoded: entry.basicDecoded, secrets });
    return { command, variables: [], includesSecrets: true };
  }
}
