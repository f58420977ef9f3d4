/** A preview that shows the shape of a secret without revealing it: `ab…yz (40 chars)`. */
export function maskedPreview(secret: string): string {
  if (secret.length <= 8) return `${'•'.repeat(secret.length)} (${secret.length} chars)`;
  return `${secret.slice(0, 2)}${'•'.repeat(6)}${secret.slice(-2)} (${secret.length} chars)`;
}

export const MASK = '••••••';

/** Replaces every occurrence of each secret (and its encoded forms) in text with the mask. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    const forms = new Set([
      s,
      encodeURIComponent(s),
      new URLSearchParams({ k: s }).toString().slice(2),
    ]);
    for (const f of forms) out = out.split(f).join(MASK);
  }
  return out;
}

/** What presentation mode hides on screen. */
export type SensitiveKind = 'secret' | 'token' | 'client-id' | 'basic';

/**
 * The on-screen form of a sensitive value in presentation mode: enough to tell values apart
 * (first 4 characters), never enough to use one.
 */
export function maskSensitive(kind: SensitiveKind, value: string): string {
  if (!value) return value;
  if (kind === 'secret' || kind === 'basic') return MASK;
  return `${value.slice(0, 4)}${MASK}`;
}

const textRules: [RegExp, (m: string, ...groups: string[]) => string][] = [
  // JWTs (access and ID tokens) wherever they appear.
  [/eyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, (m) => maskSensitive('token', m)],
  [/\b(Bearer|Basic)\s+[^\s"',]+/g, (_m, scheme) => `${scheme} ${MASK}`],
  [
    /("(?:access_token|refresh_token|id_token|client_secret|client_id|device_code|user_code)"\s*:\s*")([^"]*)"/g,
    (_m, head) => `${head}${MASK}"`,
  ],
  [
    /\b((?:client_id|client_secret|access_token|refresh_token|code_verifier|code|assertion)=)([^&\s"']*)/g,
    (_m, head) => `${head}${MASK}`,
  ],
];

/**
 * Presentation mode for whole texts (wire view, bodies, curl preview): masks JWTs, Bearer and
 * Basic values, credential fields in JSON and form bodies, and every known sensitive value.
 */
export function maskSensitiveText(text: string, knownValues: Iterable<string> = []): string {
  let out = text;
  for (const [re, fn] of textRules) out = out.replace(re, fn as (m: string) => string);
  for (const v of knownValues) {
    if (v.length < 6) continue;
    // Also the form-encoded spelling, as a client ID appears in a Basic header or form body.
    for (const form of new Set([v, new URLSearchParams({ k: v }).toString().slice(2)]))
      out = out.split(form).join(MASK);
  }
  return out;
}
