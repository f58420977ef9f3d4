import { basicAuthorizationHeader } from './form-encoding';
import type { BasicEncoding } from './form-encoding';
import {
  basicDecodedShown,
  isSlot,
  maskWireRequest,
  tokenParam,
  toWireRequest,
  type SecretSlot,
  type SecretWireRequest,
  type WireLayout,
  type WireValue,
} from './structured-wire';
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
  /** The same request with every secret masked, for display. */
  shown: WireRequest;
  /** For client_secret_basic: the `id:secret` string before base64, secret masked. */
  basicDecodedShown?: string;
  /** The request as a structure, every secret in a typed slot (main process only). */
  request: SecretWireRequest;
  /** Where each kind of secret sits, without the values: what history keeps for Copy as curl. */
  layout: WireLayout;
}

/** Parameters that the "Query string" variant moves into the token URL, as the Postman example does. */
const queryParams = new Set(['grant_type', 'scope']);

/**
 * The token request as a structure, in one of the three shapes the platform's documents use.
 * Client credentials go either in the Authorization header (client_secret_basic) or in the body
 * (client_secret_post), never in both, and never in the URL. Parameters that carry a secret
 * (refresh_token, code, code_verifier, device_code) are put in slots by their name.
 */
export function buildStructuredTokenRequest(input: TokenRequestInput): SecretWireRequest {
  const headers: [string, WireValue<SecretSlot>[]][] = [['Accept', ['application/json']]];
  const url = new URL(input.tokenUrl);
  const fields: [string, WireValue<SecretSlot>][] = [];
  for (const [k, v] of input.params) {
    if (input.paramsAs === 'query' && queryParams.has(k)) url.searchParams.append(k, v);
    else fields.push(tokenParam(k, v));
  }
  const secret = input.clientSecret;
  if (secret !== undefined && input.authMethod === 'client_secret_basic') {
    const value = basicAuthorizationHeader(input.clientId, secret, input.basicEncoding).slice(6);
    headers.push([
      'Authorization',
      [
        'Basic ',
        {
          kind: 'basic_credentials',
          clientId: input.clientId,
          basicEncoding: input.basicEncoding,
          value,
        },
      ],
    ]);
  } else {
    fields.push(['client_id', input.clientId]);
    if (secret !== undefined)
      fields.push(['client_secret', { kind: 'client_secret', value: secret }]);
  }
  const request: SecretWireRequest = { method: 'POST', url: [url.toString()], headers };
  if (fields.length > 0) {
    request.body =
      input.paramsAs === 'multipart'
        ? { type: 'multipart', boundary: input.multipartBoundary ?? 'workbench-boundary', fields }
        : { type: 'form', fields };
  }
  return request;
}

/** The token request: as sent, as shown, and its layout (see buildStructuredTokenRequest). */
export function buildTokenRequest(input: TokenRequestInput): BuiltTokenRequest {
  const request = buildStructuredTokenRequest(input);
  const { shown, layout } = maskWireRequest(request);
  const basic = request.headers
    .flatMap(([, parts]) => parts)
    .find((v) => isSlot(v) && v.kind === 'basic_credentials');
  const basicDecoded = basic !== undefined && isSlot(basic) ? basicDecodedShown(basic) : undefined;
  return {
    wire: toWireRequest(request),
    shown,
    ...(basicDecoded !== undefined ? { basicDecodedShown: basicDecoded } : {}),
    request,
    layout,
  };
}
