/**
 * application/x-www-form-urlencoded encoding as RFC 6749 Appendix B uses it (the WHATWG
 * algorithm: space -> '+', everything outside *-._ and alphanumerics percent-encoded as UTF-8).
 */
export function formUrlEncode(value: string): string {
  // URLSearchParams implements exactly this serializer; strip the "k=" it puts in front.
  return new URLSearchParams({ k: value }).toString().slice(2);
}

export function encodeFormBody(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([k, v]) => `${formUrlEncode(k)}=${formUrlEncode(v)}`).join('&');
}

export type BasicEncoding = 'rfc6749' | 'raw';

/** The `user:pass` string that goes inside Basic, before base64. */
export function basicCredentialsPlain(
  clientId: string,
  clientSecret: string,
  encoding: BasicEncoding,
): string {
  return encoding === 'rfc6749'
    ? `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`
    : `${clientId}:${clientSecret}`;
}

function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The full value of the Authorization header for client_secret_basic (RFC 6749 §2.3.1). */
export function basicAuthorizationHeader(
  clientId: string,
  clientSecret: string,
  encoding: BasicEncoding,
): string {
  return `Basic ${utf8ToBase64(basicCredentialsPlain(clientId, clientSecret, encoding))}`;
}
