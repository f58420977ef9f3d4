import { formUrlEncode } from './form-encoding';
import {
  type SecretKind,
  type SecretSlot,
  type SlotShape,
  type StructuredRequest,
  type WireValue,
} from './structured-wire';
import type { WireRequest } from './wire';

/**
 * Copy as curl, rendered from the structured request: a slot with a value gets the value put
 * back where it belongs (encoded as that place encodes it); a slot without one gets the shell
 * variable of its kind, and a preamble says which variables to set.
 *
 * Basic credentials are built in the command from the client ID (written out: it is not secret)
 * and `$CLIENT_SECRET`, form-encoded first when the profile uses RFC 6749 encoding. Variables
 * hold values as the user has them (the secret as entered, the token as copied); the command
 * encodes them with a small POSIX function, `form_encode`, where the place needs it.
 */
export type CurlRequest = StructuredRequest<SlotShape | SecretSlot>;

export interface CurlVariable {
  name: string;
  kind: SecretKind;
  meaning: string;
}

export interface CurlRendering {
  command: string;
  /** Variables the command expects, in the order they first appear. */
  variables: CurlVariable[];
}

export const curlVariableNames: Record<SecretKind, string> = {
  client_secret: 'CLIENT_SECRET',
  basic_credentials: 'CLIENT_SECRET',
  refresh_token: 'REFRESH_TOKEN',
  authorization_code: 'AUTH_CODE',
  code_verifier: 'CODE_VERIFIER',
  device_code: 'DEVICE_CODE',
  access_token: 'ACCESS_TOKEN',
  api_key: 'API_KEY',
  custom_authorization: 'AUTHORIZATION',
};

const meanings: Record<SecretKind, string> = {
  client_secret: 'the client secret, as entered in the profile (the command encodes it)',
  basic_credentials: 'the client secret, as entered in the profile (the command encodes it)',
  refresh_token: 'the refresh token the server issued (the app keeps it in the keychain)',
  authorization_code: 'the authorization code from the redirect (it works once)',
  code_verifier: 'the PKCE code_verifier sent with that authorization code',
  device_code: 'the device_code from the device authorization response',
  access_token: 'the access token (Token panel, Copy)',
  api_key: 'the API key',
  custom_authorization: 'the credentials of the Authorization header you added, after its scheme',
};

/** A POSIX sh function: form-encodes $1 as URLSearchParams does (space -> +, %XX uppercase). */
export const FORM_ENCODE_FUNCTION =
  'form_encode() { printf \'%s\' "$1" | od -An -v -tx1 | awk \'{for(i=1;i<=NF;i++){c=$i; if(c=="20")printf "+"; else if(c~/^(2a|2d|2e|3[0-9]|4[1-9a-f]|5[0-9a]|5f|6[1-9a-f]|7[0-9a])$/)printf "%c",(index("0123456789abcdef",substr(c,1,1))-1)*16+index("0123456789abcdef",substr(c,2,1))-1; else printf "%%%s",toupper(c)}}\'; }';

/** POSIX single-quoting; `$'…'` (bash, zsh) only when the text holds a control character. */
export function shellQuote(text: string): string {
  if ([...text].some((c) => c !== '\t' && c !== '\n' && (c < ' ' || c === '\u007f'))) {
    const escaped = text
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\r/g, '\\r')
      .replace(/\n/g, '\\n')
      .replace(/\t/g, '\\t')
      .split('')
      .map((c) =>
        c < ' ' || c === '\u007f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c,
      )
      .join('');
    return `$'${escaped}'`;
  }
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Part of one shell word: literal text, or an expansion that must sit inside double quotes. */
type Piece = { text: string } | { expansion: string };

const doubleQuoteSafe = /^[^$`\\"!]*$/;

/** One shell word from pieces: `"Authorization: Bearer $X"` when it can, else `'a'"$X"'b'`. */
function word(pieces: Piece[]): string {
  const parts = pieces.filter((p) => !('text' in p) || p.text !== '');
  if (parts.every((p) => 'text' in p))
    return shellQuote(parts.map((p) => ('text' in p ? p.text : '')).join(''));
  if (parts.every((p) => !('text' in p) || doubleQuoteSafe.test(p.text))) {
    const inner = parts.map((p, i) => {
      if ('text' in p) return p.text;
      const next = parts[i + 1];
      const glued = next && 'text' in next && /^\w/.test(next.text);
      return glued && /^\$[A-Z_]+$/.test(p.expansion) ? `\${${p.expansion.slice(1)}}` : p.expansion;
    });
    return `"${inner.join('')}"`;
  }
  return parts.map((p) => ('text' in p ? shellQuote(p.text) : `"${p.expansion}"`)).join('');
}

class Renderer {
  readonly used = new Map<string, CurlVariable>();
  formEncodeNeeded = false;

  private variable(slot: SlotShape): string {
    const name = curlVariableNames[slot.kind];
    if (!this.used.has(name))
      this.used.set(name, { name, kind: slot.kind, meaning: meanings[slot.kind] });
    return `$${name}`;
  }

  /** A slot where the place form-encodes (URL, form body). */
  encoded(v: WireValue<SlotShape | SecretSlot>): Piece {
    if (typeof v === 'string') return { text: v };
    if ('value' in v) return { text: formUrlEncode(v.value) };
    this.formEncodeNeeded = true;
    return { expansion: `$(form_encode "${this.variable(v)}")` };
  }

  /** A slot where the value goes as it is (header, multipart part). */
  raw(v: WireValue<SlotShape | SecretSlot>): Piece {
    if (typeof v === 'string') return { text: v };
    if ('value' in v) return { text: v.value };
    if (v.kind !== 'basic_credentials') return { expansion: this.variable(v) };
    const id = v.basicEncoding === 'rfc6749' ? formUrlEncode(v.clientId) : v.clientId;
    const secretVar = this.variable(v);
    if (v.basicEncoding === 'rfc6749') this.formEncodeNeeded = true;
    const secret =
      v.basicEncoding === 'rfc6749' ? `"$(form_encode "${secretVar}")"` : `"${secretVar}"`;
    return {
      expansion: `$(printf '%s:%s' ${shellQuote(id)} ${secret} | base64 | tr -d '\\n')`,
    };
  }

  preamble(): string[] {
    if (this.used.size === 0) return [];
    const vars = [...this.used.values()];
    const lines = [`# Set first: ${vars.map((v) => `${v.name} (${v.meaning})`).join('; ')}`];
    if (this.formEncodeNeeded) lines.push(FORM_ENCODE_FUNCTION);
    const checks = vars.map((v) => `"\${${v.name}:?set ${v.name} first}"`).join(' ');
    lines.push(`: ${checks} &&`);
    return lines;
  }
}

/** The command for a structured request, and the variables it needs. */
export function renderCurlCommand(request: CurlRequest): CurlRendering {
  const r = new Renderer();
  const method = request.method.toUpperCase();
  const url = word(request.url.map((v) => r.encoded(v)));
  const lines = [
    method === 'HEAD'
      ? `curl --silent --show-error --globoff --head ${url}`
      : `curl --silent --show-error --globoff -X ${method} ${url}`,
  ];
  const body = request.body;
  for (const [name, parts] of request.headers) {
    // curl writes the multipart body itself, with its own boundary in the Content-Type.
    if (body?.type === 'multipart' && name.toLowerCase() === 'content-type') continue;
    lines.push(`  -H ${word([{ text: `${name}: ` }, ...parts.map((v) => r.raw(v))])}`);
  }
  // curl would add its own User-Agent; the workbench sends none.
  lines.push(`  -H 'User-Agent:'`);
  if (body?.type === 'form') {
    const hasType = request.headers.some(([k]) => k.toLowerCase() === 'content-type');
    if (!hasType) lines.push(`  -H 'Content-Type: application/x-www-form-urlencoded'`);
    const pieces: Piece[] = [];
    body.fields.forEach(([k, v], i) => {
      pieces.push({ text: `${i > 0 ? '&' : ''}${formUrlEncode(k)}=` });
      pieces.push(typeof v === 'string' ? { text: formUrlEncode(v) } : r.encoded(v));
    });
    lines.push(`  --data-raw ${word(pieces)}`);
  } else if (body?.type === 'multipart') {
    lines.push(`  -H 'Expect:'`);
    for (const [k, v] of body.fields)
      lines.push(`  --form-string ${word([{ text: `${k}=` }, r.raw(v)])}`);
  } else if (body) {
    lines.push(`  --data-raw ${shellQuote(body.text)}`);
  }
  const command = [...r.preamble(), lines.join(' \\\n')].join('\n');
  return { command, variables: [...r.used.values()] };
}

/** A request with every value written out (no slots), e.g. an API call as it was sent. */
export function renderCurl(request: WireRequest): string {
  return renderCurlCommand({
    method: request.method,
    url: [request.url],
    headers: request.headers.map(([k, v]) => [k, [v]]),
    ...(request.body
      ? { body: { type: 'text', contentType: request.body.contentType, text: request.body.text } }
      : {}),
  }).command;
}
