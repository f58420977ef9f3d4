import type { DiscoveryView, ResolvedEndpoint, ServerMetadata } from './grant-results';
import { joinUrl } from './team-url';

/** Where discovery documents live, in the order they are tried (OpenID, then RFC 8414). */
export const discoveryPaths = [
  '/.well-known/openid-configuration',
  '/.well-known/oauth-authorization-server',
] as const;

/**
 * The discovery URLs for an issuer, in the order they are tried. OpenID Connect Discovery appends
 * its suffix to the issuer's path; RFC 8414 §3.1 inserts `/.well-known/oauth-authorization-server`
 * between host and path (`https://h/.well-known/oauth-authorization-server/tenant`). For an issuer
 * with a path the appended RFC 8414 form is tried last, as some servers publish it there.
 */
export function discoveryUrls(baseUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return discoveryPaths.map((p) => joinUrl(baseUrl, p));
  }
  const path = url.pathname.replace(/\/+$/, '');
  const origin = url.origin;
  if (path === '') return discoveryPaths.map((p) => `${origin}${p}`);
  return [
    `${origin}${path}/.well-known/openid-configuration`,
    `${origin}/.well-known/oauth-authorization-server${path}`,
    `${origin}${path}/.well-known/oauth-authorization-server`,
  ];
}

/** Conventional Celonis paths, used when the server announces nothing. */
export const conventionalPaths = {
  authorization: '/oauth2/authorize',
  token: '/oauth2/token',
} as const;

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Reads a discovery document's JSON; null when it is not an object. */
export function parseServerMetadata(json: unknown): ServerMetadata | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  return {
    issuer: str(o.issuer),
    authorizationEndpoint: str(o.authorization_endpoint),
    tokenEndpoint: str(o.token_endpoint),
    deviceAuthorizationEndpoint: str(o.device_authorization_endpoint),
    grantTypes: strings(o.grant_types_supported),
    authMethods: strings(o.token_endpoint_auth_methods_supported),
    pkceMethods: strings(o.code_challenge_methods_supported),
    scopes: strings(o.scopes_supported),
  };
}

/**
 * Endpoints in effect: a Token URL set on the profile wins, then what discovery announced, then
 * the conventional path. Every fallback is named in `notes`.
 */
export function resolveEndpoints(
  baseUrl: string,
  metadata: ServerMetadata | null,
  tokenUrlOverride: string | null,
): { endpoints: DiscoveryView['endpoints']; notes: string[] } {
  const notes: string[] = [];
  const pick = (found: string | null, conventional: string | null, what: string) => {
    if (found) return { url: found, source: 'discovery' } satisfies ResolvedEndpoint;
    if (conventional) {
      notes.push(
        `${metadata ? 'Discovery announces no' : 'No discovery document, so no'} ${what}: using ${conventional}.`,
      );
      return { url: conventional, source: 'conventional' } satisfies ResolvedEndpoint;
    }
    notes.push(`${metadata ? 'Discovery announces no' : 'No discovery document, so no'} ${what}.`);
    return { url: null, source: 'conventional' } satisfies ResolvedEndpoint;
  };
  const authorization = pick(
    metadata?.authorizationEndpoint ?? null,
    joinUrl(baseUrl, conventionalPaths.authorization),
    'authorization endpoint',
  );
  const token: ResolvedEndpoint = tokenUrlOverride
    ? { url: tokenUrlOverride, source: 'profile' }
    : pick(
        metadata?.tokenEndpoint ?? null,
        joinUrl(baseUrl, conventionalPaths.token),
        'token endpoint',
      );
  const deviceAuthorization = pick(
    metadata?.deviceAuthorizationEndpoint ?? null,
    null,
    'device authorization endpoint (the device code grant needs one)',
  );
  if (metadata && metadata.pkceMethods.length > 0 && !metadata.pkceMethods.includes('S256')) {
    notes.push('The server does not announce PKCE S256; the app sends it anyway.');
  }
  return { endpoints: { authorization, token, deviceAuthorization }, notes };
}
