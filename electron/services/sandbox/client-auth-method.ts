// oidc-provider lets a client registered for client_secret_basic authenticate with
// client_secret_post and the other way round. The platform registers one method per client, and
// its CLI tries basic before post, so the sandbox holds each client to its registered method:
// otherwise a probe for "which method does the server accept" could never find a difference.

type SecretMethod = 'client_secret_basic' | 'client_secret_post';

interface Presented {
  clientId: string;
  method: SecretMethod;
}

function decodeBasicPart(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** The client id and secret-bearing method a request presents, if it presents one. */
export function presentedSecretMethod(
  authorization: string | undefined,
  form: URLSearchParams,
): Presented | undefined {
  if (authorization !== undefined) {
    const [scheme, value, ...rest] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'basic' || value === undefined || rest.length > 0) {
      return undefined;
    }
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = colon > 0 ? decodeBasicPart(decoded.slice(0, colon)) : undefined;
    return clientId === undefined ? undefined : { clientId, method: 'client_secret_basic' };
  }
  const clientId = form.get('client_id');
  if (clientId !== null && form.has('client_secret')) {
    return { clientId, method: 'client_secret_post' };
  }
  return undefined;
}

/**
 * True when the request authenticates a known confidential client with the other secret method.
 * Anything else (unknown client, malformed header, wrong secret) is left to oidc-provider.
 */
export function usesUnregisteredMethod(
  authorization: string | undefined,
  form: URLSearchParams,
  registered: ReadonlyMap<string, string>,
): boolean {
  const presented = presentedSecretMethod(authorization, form);
  if (!presented) return false;
  const method = registered.get(presented.clientId);
  return (
    (method === 'client_secret_basic' || method === 'client_secret_post') &&
    method !== presented.method
  );
}
