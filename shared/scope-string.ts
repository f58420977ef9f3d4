/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const scopeToken = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export function isValidScopeToken(scope: string): boolean {
  return scopeToken.test(scope);
}

/**
 * The exact `scope` value sent to the token endpoint: selected scopes in the order given,
 * de-duplicated, space-separated. `undefined` when nothing is selected, so that no empty
 * `scope=` parameter is ever sent.
 */
export function buildScopeString(scopes: readonly string[]): string | undefined {
  const unique = [...new Set(scopes.map((s) => s.trim()).filter((s) => s.length > 0))];
  return unique.length > 0 ? unique.join(' ') : undefined;
}

/** Splits a space-separated scope value (as in a token response) into its scopes. */
export function parseScopeString(value: string | undefined | null): string[] {
  if (!value) return [];
  return value.split(/\s+/).filter((s) => s.length > 0);
}

/** Requested scopes that the token response did not grant. */
export function missingScopes(requested: readonly string[], granted: readonly string[]): string[] {
  const g = new Set(granted);
  return requested.filter((s) => !g.has(s));
}
