import { randomBytes } from 'node:crypto';
import { buildScopeString } from '../../../../shared/scope-string';
import { buildTokenRequest } from '../../../../shared/token-request';
import { readTokenResponse } from '../../../../shared/token-response';
import type { WireRequest } from '../../../../shared/wire';
import { WorkbenchInputError } from '../../errors';
import type { HttpTransport } from '../../http-transport';
import type { TokenContext } from '../token-context';

export interface DeviceCodeAnswer {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  interval: number;
  expiresIn: number;
}

type Send = (wire: WireRequest, signal: AbortSignal) => ReturnType<HttpTransport['send']>;

/**
 * RFC 8628 §3.1: asks the device authorization endpoint for a device code, with the profile's
 * client authentication, always as a form body. The device code never leaves the main process.
 */
export async function requestDeviceCode(input: {
  ctx: TokenContext;
  endpoint: string;
  signal: AbortSignal;
  send: Send;
}): Promise<DeviceCodeAnswer> {
  const { profile, secret } = input.ctx;
  const scope = buildScopeString(profile.scopes);
  const built = buildTokenRequest({
    tokenUrl: input.endpoint,
    clientId: profile.clientId,
    clientSecret: secret,
    authMethod: profile.authMethod,
    paramsAs: 'form',
    basicEncoding: profile.basicEncoding,
    params: scope ? [['scope', scope]] : [],
    multipartBoundary: `----TokenWorkbench${randomBytes(12).toString('hex')}`,
  });
  const sent = await input.send(built.wire, input.signal);
  if (!sent.response) {
    throw new WorkbenchInputError(
      `Device authorization: ${sent.failure.title}. ${sent.failure.hint}`,
    );
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(sent.response.bodyText);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (sent.response.status !== 200 || typeof body.device_code !== 'string') {
    const f = readTokenResponse(sent.response).failure;
    throw new WorkbenchInputError(
      `Device authorization endpoint answered ${sent.response.status}${f?.error ? ` ${f.error}` : ''}: ${f?.message ?? 'no device code'}`,
    );
  }
  return {
    deviceCode: body.device_code,
    userCode: String(body.user_code ?? ''),
    verificationUri: String(body.verification_uri ?? ''),
    verificationUriComplete:
      typeof body.verification_uri_complete === 'string' ? body.verification_uri_complete : null,
    interval: typeof body.interval === 'number' && body.interval > 0 ? body.interval : 5,
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 600,
  };
}
