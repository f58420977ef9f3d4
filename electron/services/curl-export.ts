import type { ApiCredentialKind } from '../../shared/api-request';
import { renderCurl, renderCurlCommand } from '../../shared/curl';
import { basicAuthorizationHeader } from '../../shared/form-encoding';
import type { HistoryEntry } from '../../shared/history';
import { layoutFromRecorded } from '../../shared/recorded-layout';
import {
  fillLayout,
  isSlot,
  type SecretKind,
  type SecretWireRequest,
  type WireLayout,
} from '../../shared/structured-wire';
import type { ApiService } from './api-service';
import { WorkbenchInputError } from './errors';
import { SecretRequestMemory } from './secret-request-memory';
import type { HistoryService } from './history-service';
import type { ProfileService } from './profile-service';

export interface CurlExport {
  command: string;
  /** Shell variables the command expects, with what each must hold. */
  variables: { name: string; meaning: string }[];
  includesSecrets: boolean;
}

export interface CurlExportDeps {
  history: HistoryService;
  profiles: ProfileService;
  /** API calls as sent, secrets included, for this run (`realRequest`). */
  api: Pick<ApiService, 'realRequest'>;
  /** Token calls as sent, secrets included, for this run (filled by the token pipeline). */
  requests?: SecretRequestMemory;
}

const kindWords: Record<SecretKind, string> = {
  client_secret: 'client secret',
  basic_credentials: 'client secret',
  refresh_token: 'refresh token',
  authorization_code: 'authorization code',
  code_verifier: 'code_verifier',
  device_code: 'device code',
  access_token: 'access token',
  api_key: 'API key',
  custom_authorization: 'Authorization value',
};

function apiCredential(entry: HistoryEntry): ApiCredentialKind | null {
  if (entry.kind !== 'api') return null;
  const typed = entry.resend?.headers.some(
    (h) => h.enabled && h.name.trim().toLowerCase() === 'authorization',
  );
  if (typed) return 'custom_authorization';
  return entry.resend?.auth === 'apiKey' ? 'api_key' : 'access_token';
}

/**
 * "Copy as curl" for a call in history, rendered from the call's structure: shell variables by
 * default, the real values on request (from this run's memory, or the keychain for the secret).
 */
export class CurlExportService {
  private readonly kept: SecretRequestMemory;

  constructor(private readonly deps: CurlExportDeps) {
    this.kept = deps.requests ?? new SecretRequestMemory();
  }

  /** Keeps a call's structured request (secrets included) in memory, for "Include secrets". */
  keepRequest(callId: string, request: SecretWireRequest): void {
    this.kept.keep(callId, request);
  }

  private layout(entry: HistoryEntry): WireLayout {
    if (entry.wireLayout) return entry.wireLayout;
    if (!entry.request) throw new WorkbenchInputError('This call sent no request.');
    // Entries recorded before history kept layouts: read the structure of the shown request.
    let profile: { clientId: string; basicEncoding: 'rfc6749' | 'raw' } | null = null;
    try {
      profile = this.deps.profiles.get(entry.profileId);
    } catch {
      profile = null; // a deleted profile: the Basic header then needs the client ID set by hand
    }
    return layoutFromRecorded(entry.request, {
      clientId: profile?.clientId ?? '',
      basicEncoding: profile?.basicEncoding ?? 'rfc6749',
      authorization: apiCredential(entry),
    });
  }

  async export(callId: string, includeSecrets: boolean): Promise<CurlExport> {
    const entry = this.deps.history.get(callId);
    if (!entry?.request) {
      throw new WorkbenchInputError('This call sent no request, so there is nothing to copy.');
    }
    const layout = this.layout(entry);
    if (!includeSecrets) {
      const { command, variables } = renderCurlCommand(layout);
      return {
        command,
        variables: variables.map(({ name, meaning }) => ({ name, meaning })),
        includesSecrets: false,
      };
    }
    const kept = this.kept.get(callId);
    if (kept)
      return { command: renderCurlCommand(kept).command, variables: [], includesSecrets: true };
    if (entry.kind === 'api') {
      const real = this.deps.api.realRequest(callId);
      if (real) return { command: renderCurl(real), variables: [], includesSecrets: true };
    }
    const secret =
      entry.kind === 'token' ? await this.deps.profiles.getSecret(entry.profileId) : null;
    const filled = fillLayout(layout, (slot) => {
      if (secret === null) return null;
      if (slot.kind === 'client_secret') return secret;
      if (slot.kind === 'basic_credentials')
        return basicAuthorizationHeader(slot.clientId, secret, slot.basicEncoding).slice(6);
      return null;
    });
    const missing = [
      ...new Set(
        [
          ...filled.url,
          ...filled.headers.flatMap(([, parts]) => parts),
          ...(filled.body && filled.body.type !== 'text'
            ? filled.body.fields.map(([, v]) => v)
            : []),
        ]
          .filter(isSlot)
          .filter((slot) => !('value' in slot))
          .map((slot) => kindWords[slot.kind]),
      ),
    ];
    if (missing.length > 0) {
      throw new WorkbenchInputError(
        `The ${missing.join(' and ')} of this call ${missing.length > 1 ? 'are' : 'is'} no longer in memory: send it again, or copy with variables.`,
      );
    }
    return { command: renderCurlCommand(filled).command, variables: [], includesSecrets: true };
  }
}
