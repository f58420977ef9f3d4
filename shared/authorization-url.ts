/** The authorization request (RFC 6749 §4.1.1 with RFC 7636 PKCE S256). */
export function buildAuthorizationUrl(input: {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  /** Space-separated; left out when empty (never an empty `scope=`). */
  scope: string | undefined;
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(input.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  if (input.scope) url.searchParams.set('scope', input.scope);
  url.searchParams.set('state', input.state);
  url.searchParams.set('code_challenge', input.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** The redirect URI to register on the client: 127.0.0.1, the port (when fixed) and the path. */
export function redirectUriFor(port: number, path: string): string {
  return port > 0 ? `http://127.0.0.1:${port}${path}` : `http://127.0.0.1${path}`;
}

export type CallbackOutcome =
  | { kind: 'code'; code: string }
  | { kind: 'error'; error: string; description: string | null }
  | { kind: 'bad-state'; reason: string };

/**
 * Reads a redirect to the loopback receiver. The state is checked first: a callback that does
 * not carry this attempt's state is refused, whatever else it holds.
 */
export function readCallback(params: URLSearchParams, expectedState: string): CallbackOutcome {
  const state = params.get('state');
  if (state === null) return { kind: 'bad-state', reason: 'The callback carries no state.' };
  if (state !== expectedState) {
    return {
      kind: 'bad-state',
      reason: 'The callback carries a state that does not belong to this sign-in attempt.',
    };
  }
  const error = params.get('error');
  if (error !== null) return { kind: 'error', error, description: params.get('error_description') };
  const code = params.get('code');
  if (!code) return { kind: 'bad-state', reason: 'The callback carries neither code nor error.' };
  return { kind: 'code', code };
}
