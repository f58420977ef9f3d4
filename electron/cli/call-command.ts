import type { ApiResult } from '../../shared/results';
import { CliUsageError, EXIT, type CliIo } from './cli-io';
import type { CliSession } from './cli-session';
import { describeTokenFailure, fetchToken } from './token-command';

export interface CallOptions {
  request: string;
  header: string[];
  data?: string;
  diagnose?: boolean;
  allowOtherOrigin?: boolean;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

function parseHeader(text: string): { name: string; value: string; enabled: boolean } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new CliUsageError(`-H "${text}" must look like "Name: value".`);
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim(), enabled: true };
}

async function writeBody(session: CliSession, result: ApiResult, io: CliIo): Promise<void> {
  const res = result.response;
  if (!res) return;
  if (!res.truncated || !result.body) {
    io.out(res.bodyText);
    return;
  }
  // The whole body stays in the main process; read it in pages of raw lines.
  for (let from = 0; ;) {
    const page = await session.services.responses.page(result.body.id, 'raw', from, 2000);
    io.out(page.lines.join('\n'));
    from += page.lines.length;
    if (page.complete && from >= page.total) break;
    io.out('\n');
  }
}

/** `token-workbench call <profile> <path|url>`: body on stdout, status on stderr. */
export async function runCall(
  session: CliSession,
  profileId: string,
  target: string,
  options: CallOptions,
  io: CliIo,
): Promise<number> {
  const method = options.request.toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new CliUsageError(`-X ${options.request}: use one of ${METHODS.join(', ')}.`);
  }
  const headers = options.header.map(parseHeader);
  const custom = headers.some((h) => h.name.toLowerCase() === 'authorization');
  if (!custom) {
    const token = await fetchToken(session, profileId);
    if (!token.token) {
      io.err(describeTokenFailure(token, session.services.profiles.get(profileId).name));
      return EXIT.failure;
    }
  }
  const result = await session.call('sendRequest', {
    profileId,
    requestId: `cli-call-${Date.now()}`,
    method: method as (typeof METHODS)[number],
    url: target,
    headers,
    body: options.data ?? '',
    allowOtherOrigin: options.allowOtherOrigin === true,
  });
  if (result.needsConfirmation) {
    throw new CliUsageError(
      `${target}: the token is for ${result.needsConfirmation.profileOrigin}, not ${result.needsConfirmation.targetOrigin}. Pass --allow-other-origin to send it there anyway.`,
    );
  }
  await writeBody(session, result, io);
  const res = result.response;
  if (res) io.err(`HTTP ${res.status} ${res.statusText} (${Math.round(res.timings.totalMs)} ms)\n`);
  else
    io.err(
      `Request failed: ${result.failure?.title ?? 'no answer'}. ${result.failure?.hint ?? ''}\n`,
    );
  if (options.diagnose || !res || res.status >= 400) {
    for (const f of options.diagnose ? result.diagnosis : result.diagnosis.slice(0, 1)) {
      io.err(`${f.severity}: ${f.title}. ${f.fix}\n`);
    }
  }
  return res && res.status < 400 ? EXIT.ok : EXIT.failure;
}
