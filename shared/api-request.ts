import {
  maskWireRequest,
  toWireRequest,
  type SecretKind,
  type SecretSlot,
  type SecretWireRequest,
  type WireLayout,
  type WireValue,
} from './structured-wire';
import type { WireRequest } from './wire';

/** What the Authorization header of an API call carries. */
export type ApiCredentialKind = Extract<
  SecretKind,
  'access_token' | 'api_key' | 'custom_authorization'
>;

export interface BuiltApiRequest {
  /** What is sent, secrets included (main process only). */
  wire: WireRequest;
  /** The same request with the Authorization credentials masked, for display and history. */
  shown: WireRequest;
  request: SecretWireRequest;
  layout: WireLayout;
}

/**
 * An API call as a structure. `authorization` names what the request's Authorization header
 * carries (the profile's access token, its API key, or a value the user typed); the value after
 * the scheme goes in a slot of that kind. Other headers and the body are taken as they are.
 */
export function buildApiRequest(
  plain: WireRequest,
  authorization: ApiCredentialKind | null,
): BuiltApiRequest {
  const headers: [string, WireValue<SecretSlot>[]][] = plain.headers.map(([name, value]) => {
    const isAuth = ['authorization', 'proxy-authorization'].includes(name.toLowerCase());
    if (!isAuth) return [name, [value]];
    const kind: ApiCredentialKind =
      name.toLowerCase() === 'authorization' && authorization !== null
        ? authorization
        : 'custom_authorization';
    const space = value.indexOf(' ');
    const scheme = space > 0 ? value.slice(0, space + 1) : '';
    return [name, [scheme, { kind, value: value.slice(scheme.length) }]];
  });
  const request: SecretWireRequest = {
    method: plain.method,
    url: [plain.url],
    headers,
    ...(plain.body
      ? { body: { type: 'text', contentType: plain.body.contentType, text: plain.body.text } }
      : {}),
  };
  const { shown, layout } = maskWireRequest(request);
  return { wire: toWireRequest(request), shown, request, layout };
}
