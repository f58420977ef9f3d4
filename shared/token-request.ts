import {
  basicAuthorizationHeader,
  basicCredentialsPlain,
  encodeFormBody,
  formUrlEncode,
} from './form-encoding';
import type { BasicEncoding } from './form-encoding';
import { MASK } from './mask';
import type { AuthMethod, ParamsAs } from './profile';
import type { WireRequest } from './wire';

export interface TokenRequestInput {
  tokenUrl: string;
  clientId: string;
  /** Absent for a public client: then client_id goes in the body and nothing authenticates. */
  clientSecret?: string;
  authMethod: AuthMethod;
  paramsAs: ParamsAs;
  basicEncoding: BasicEncoding;
  /** grant_type first, then the grant's own parameters (scope, code, refresh_token, …). */
  params: [string, string][];
  /** Fixed boundary for multipart bodies (tests pass one; the app passes a random one). */
  multipartBoundary?: string;
}

export interface BuiltTokenRequest {
  /** What is sent, secrets included. Stays in the main process. */
  wire: WireRequest;
  /** The same request with secret and Basic value masked, for display. */
  shown: WireRequest;
  /** For client_secret_basic: the `id:secret` string before base64, secret masked. */
  basicDecodedShown?: string;
}

/** Parameters that the "Query string" variant moves into the token URL, as the Postman example does. */
const queryParams = new Set(['grant_type', 'scope']);

function multipartBody(fields: [string, string][], boundary: string): string {
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/**
 * Builds the token request in one of the three shapes the platform's documents use.
 * Client credentials go either in the Authorization header (client_secret_basic) or in the body
 * (client_secret_post), never in both, and never in the URL.
 */
export function buildTokenRequest(input: TokenRequestInput): BuiltTokenRequest {
  const headers: [string, string][] = [['Accept', 'application/json']];
  const shownHeaders: [string, string][] = [['Accept', 'application/json']];
  const url = new URL(input.tokenUrl);
  let bodyFields: [string, string][] = [];
  let shownFields: [string, string][] = [];
  let basicDecodedShown: string | undefined;

  for (const [k, v] of input.params) {
    if (input.paramsAs === 'query' && queryParams.has(k)) url.searchParams.append(k, v);
    else bodyFields.push([k, v]);
  }
  shownFields = [...bodyFields];

  const secret = input.clientSecret;
  if (secret !== undefined && input.authMethod === 'client_secret_basic') {
    headers.push([
      'Authorization',
      basicAuthorizationHeader(input.clientId, secret, input.basicEncoding),
    ]);
    shownHeaders.push(['Authorization', `Basic ${MASK}`]);
    const plainId = basicCredentialsPlain(input.clientId, 'x', input.basicEncoding).slice(0, -2);
    basicDecodedShown = `${plainId}:${MASK}`;
  } else {
    bodyFields = [...bodyFields, ['client_id', input.clientId]];
    shownFields = [...shownFields, ['client_id', input.clientId]];
    if (secret !== undefined) {
      bodyFields.push(['client_secret', secret]);
      shownFields.push(['client_secret', MASK]);
    }
  }

  let body: WireRequest['body'];
  let shownBody: WireRequest['body'];
  if (bodyFields.length > 0) {
    if (input.paramsAs === 'multipart') {
      const boundary = input.multipartBoundary ?? 'workbench-boundary';
      const contentType = `multipart/form-data; boundary=${boundary}`;
      body = { contentType, text: multipartBody(bodyFields, boundary) };
      shownBody = { contentType, text: multipartBody(shownFields, boundary) };
    } else {
      const contentType = 'application/x-www-form-urlencoded';
      body = { contentType, text: encodeFormBody(bodyFields) };
      // The mask is shown as-is, not form-encoded, so it reads as a mask.
      shownBody = {
        contentType,
        text: shownFields
          .map(([k, v]) => `${formUrlEncode(k)}=${v === MASK ? MASK : formUrlEncode(v)}`)
          .join('&'),
      };
    }
    headers.push(['Content-Type', body.contentType]);
    shownHeaders.push(['Content-Type', body.contentType]);
  }

  const wire: WireRequest = { method: 'POST', url: url.toString(), headers, body };
  const shown: WireRequest = {
    method: 'POST',
    url: url.toString(),
    headers: shownHeaders,
    body: shownBody,
  };
  return { wire, shown, basicDecodedShown };
}
