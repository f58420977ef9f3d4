import { MASK } from '../../shared/mask';
import type { TokenResult } from '../../shared/results';
import { EXIT, type CliIo } from './cli-io';
import type { CliSession } from './cli-session';

export interface TokenOptions {
  json?: boolean;
  show?: boolean;
}

/** The failure of a token call, in one line plus the first finding (never a secret). */
export function describeTokenFailure(result: TokenResult, profileName: string): string {
  const f = result.failure;
  const first = result.diagnosis?.[0];
  const lines = [
    `Token request for profile "${profileName}" failed: ${f?.title ?? 'no token'}${f?.error ? ` (${f.error})` : ''}`,
  ];
  if (first) lines.push(`${first.title}. ${first.fix}`);
  else if (f?.hint) lines.push(f.hint);
  return `${lines.join('\n')}\n`;
}

/** Client credentials for a profile, through the app's token pipeline. */
export async function fetchToken(session: CliSession, profileId: string): Promise<TokenResult> {
  return session.call('getToken', { profileId, requestId: `cli-token-${Date.now()}` });
}

/**
 * `token-workbench token <profile>`: only the access token on stdout, so that
 * `curl -H "Authorization: Bearer $(token-workbench token Prod)"` works. On a terminal it is
 * printed only with --show. `--json`: the token response, refresh and ID tokens masked.
 */
export async function runToken(
  session: CliSession,
  profileId: string,
  options: TokenOptions,
  io: CliIo,
): Promise<number> {
  const result = await fetchToken(session, profileId);
  const token = result.token;
  if (!token) {
    io.err(describeTokenFailure(result, session.services.profiles.get(profileId).name));
    return EXIT.failure;
  }
  const reveal = options.show === true || !io.stdoutIsTty;
  if (options.json) {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(result.response?.bodyText ?? '{}') as Record<string, unknown>;
    } catch {
      body = {};
    }
    for (const key of ['refresh_token', 'id_token']) if (key in body) body[key] = MASK;
    body.access_token = reveal ? token.accessToken : MASK;
    io.out(`${JSON.stringify(body, null, 2)}\n`);
  } else if (reveal) {
    io.out(`${token.accessToken}\n`);
  }
  if (!reveal) {
    io.err(
      'The token is not printed on a terminal: pipe it (token-workbench token <profile> | …) or pass --show.\n',
    );
  }
  io.err(
    `Token for ${token.grantedScopes.join(' ') || '(no scope)'}; expires in ${token.expiresIn ?? '?'} s.\n`,
  );
  return EXIT.ok;
}
