import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// "Regenerate secret" for sandbox clients, in front of oidc-provider (whose static clients keep
// one secret): after a regeneration the old secret gets oidc-provider's own answer for an
// expired secret, and the new one is swapped for the registered secret before it is forwarded.

/** oidc-provider's error_description for a client whose secret has expired. */
export const EXPIRED_SECRET_DESCRIPTION =
  'could not authenticate the client - its client secret is expired';

/** client_secret_basic with RFC 6749 §2.3.1 encoding, as oidc-provider reads it. */
function basicAuth(clientId: string, secret: string): string {
  const enc = (v: string) => new URLSearchParams({ k: v }).toString().slice(2);
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`, 'utf8').toString('base64')}`;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function decodePart(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

interface Presented {
  clientId: string;
  secret: string;
  via: 'basic' | 'post';
}

function presented(headers: IncomingHttpHeaders, form: URLSearchParams): Presented | null {
  const auth = headers.authorization;
  if (auth?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    return {
      clientId: decodePart(decoded.slice(0, colon)),
      secret: decodePart(decoded.slice(colon + 1)),
      via: 'basic',
    };
  }
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  return clientId !== null && secret !== null ? { clientId, secret, via: 'post' } : null;
}

export class SecretRotation {
  /** clientId -> the secret issued by the last regeneration. */
  private readonly current = new Map<string, string>();

  constructor(private readonly registeredSecret: string) {}

  /** Issues a new secret for the client; the registered (old) one stops working. */
  regenerate(clientId: string): string {
    const secret = randomBytes(30).toString('base64');
    this.current.set(clientId, secret);
    return secret;
  }

  /**
   * 'expired' when the request presents a retired secret; otherwise the request is left as it
   * is, or (new secret) rewritten to carry the registered one.
   */
  apply(headers: IncomingHttpHeaders, form: URLSearchParams): 'expired' | 'forward' {
    const p = presented(headers, form);
    const issued = p ? this.current.get(p.clientId) : undefined;
    if (!p || issued === undefined) return 'forward';
    if (!same(p.secret, issued)) {
      return same(p.secret, this.registeredSecret) ? 'expired' : 'forward';
    }
    if (p.via === 'basic') headers.authorization = basicAuth(p.clientId, this.registeredSecret);
    else form.set('client_secret', this.registeredSecret);
    return 'forward';
  }
}
