import type { HistoryEntry } from '../../../shared/history';
import type { TokenResult } from '../../../shared/results';
import { WorkbenchInputError } from '../errors';
import type { HistoryService } from '../history-service';
import type { ClientCredentialsGrant } from './grants/client-credentials';
import type { RefreshGrant } from './grants/refresh';
import { prepareFailure } from './token-context';

export interface TokenResendDeps {
  history: HistoryService;
  clientCredentials: ClientCredentialsGrant;
  refresh: RefreshGrant;
}

/** The grant_type a recorded token request carried (query string, form or multipart body). */
export function recordedGrantType(entry: HistoryEntry): string | null {
  const req = entry.request;
  if (!req) return null;
  try {
    const fromQuery = new URL(req.url).searchParams.get('grant_type');
    if (fromQuery) return fromQuery;
  } catch {
    // Not a URL: look in the body.
  }
  const text = req.body?.text ?? '';
  if (req.body?.contentType.startsWith('multipart/')) {
    return /name="grant_type"\r\n\r\n([^\r]*)\r\n/.exec(text)?.[1] ?? null;
  }
  return new URLSearchParams(text).get('grant_type');
}

/**
 * Re-send of a token request from history, with the profile as it is saved now. Client
 * credentials and refresh are sent again; a code or device code is single-use, so those say why
 * they cannot be re-sent instead of sending something that must fail.
 */
export class TokenResend {
  constructor(private readonly deps: TokenResendDeps) {}

  async resend(callId: string, requestId: string): Promise<TokenResult> {
    const entry = this.deps.history.get(callId);
    if (!entry) throw new WorkbenchInputError('This history entry no longer exists.', 'callId');
    if (entry.kind !== 'token') {
      throw new WorkbenchInputError(
        'This entry is an API call: it is re-sent from the request tab.',
        'callId',
      );
    }
    const grant = recordedGrantType(entry);
    switch (grant) {
      case 'client_credentials':
        return this.deps.clientCredentials.get(entry.profileId, requestId, { trigger: 'resend' });
      case 'refresh_token':
        return this.deps.refresh.refresh(entry.profileId, requestId, 'resend');
      case 'authorization_code':
        return prepareFailure(
          'A sign-in cannot be re-sent',
          'An authorization code can be exchanged once only; sending it again must fail with invalid_grant.',
          'Press Get token to sign in again, or Refresh if a refresh token is kept.',
        );
      case 'urn:ietf:params:oauth:grant-type:device_code':
        return prepareFailure(
          'A device sign-in cannot be re-sent',
          'The device code of this entry is used up or expired once a token was issued or refused.',
          'Press Get token to start a new device sign-in.',
        );
      default:
        return prepareFailure(
          'Cannot tell which grant this was',
          'The recorded request carries no grant_type (it never reached the wire, or it was prepared and refused before sending).',
          'Press Get token in the profile instead.',
        );
    }
  }
}
