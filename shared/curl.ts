import { MASK } from './mask';
import type { WireRequest } from './wire';

/**
 * Renders a request as a curl command that sends what the wire view shows. Masked values become
 * shell variables (`$ACCESS_TOKEN`, `$API_KEY`, `$CLIENT_SECRET`); with `secrets`, the real
 * values are put in instead (the caller warns the user).
 */
export interface CurlSecrets {
  accessToken?: string;
  apiKey?: string;
  /** The client secret as it goes on the wire (form-encoded when the wire form-encodes it). */
  clientSecret?: string;
  /** The full `Basic …` value. */
  basicAuthorization?: string;
}

export interface CurlOptions {
  /** For client_secret_basic: `id:••••••` as it is before base64 (id already encoded). */
  basicDecoded?: string;
  /** What a masked Bearer value stands for: an OAuth token (default) or an API key. */
  bearerVariable?: 'ACCESS_TOKEN' | 'API_KEY';
  secrets?: CurlSecrets;
}

/** POSIX single-quoting; `$'…'` (bash, zsh) when the text holds a control character. */
export function shellQuote(text: string): string {
  if ([...text].some((c) => c !== '\t' && (c < ' ' || c === '\u007f'))) {
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

/** Quotes text in which the mask stands for a shell variable: `'a='"$X"'&b'`. */
function quoteWithVariable(text: string, variable: string): string {
  return text
    .split(MASK)
    .map((part) => (part === '' ? '' : shellQuote(part)))
    .join(`"$${variable}"`);
}

function authorizationArg(value: string, options: CurlOptions): string {
  const scheme = value.split(' ')[0] ?? '';
  const rest = value.slice(scheme.length + 1);
  if (rest !== MASK) return shellQuote(`Authorization: ${value}`);
  const s = options.secrets;
  const lower = scheme.toLowerCase();
  if (lower === 'bearer') {
    const variable = options.bearerVariable ?? 'ACCESS_TOKEN';
    const real = variable === 'API_KEY' ? s?.apiKey : s?.accessToken;
    return real !== undefined
      ? shellQuote(`Authorization: ${scheme} ${real}`)
      : `"Authorization: ${scheme} $${variable}"`;
  }
  if (lower === 'appkey') {
    return s?.apiKey !== undefined
      ? shellQuote(`Authorization: ${scheme} ${s.apiKey}`)
      : `"Authorization: ${scheme} $API_KEY"`;
  }
  if (lower === 'basic') {
    if (s?.basicAuthorization !== undefined)
      return shellQuote(`Authorization: ${s.basicAuthorization}`);
    const idPart = options.basicDecoded?.split(':')[0] ?? '$CLIENT_ID';
    const id = idPart.replace(/'/g, `'\\''`);
    return `"Authorization: Basic $(printf '%s:%s' '${id}' "$CLIENT_SECRET" | base64 | tr -d '\\n')"`;
  }
  return shellQuote(`Authorization: ${value}`);
}

/** Which variables a command needs set: shown next to it. */
export function curlVariables(command: string): string[] {
  return ['ACCESS_TOKEN', 'API_KEY', 'CLIENT_SECRET'].filter((v) => command.includes(`$${v}`));
}

export function renderCurl(request: WireRequest, options: CurlOptions = {}): string {
  const lines: string[] = [];
  const method = request.method.toUpperCase();
  lines.push(
    method === 'HEAD'
      ? `curl --silent --show-error --globoff --head ${shellQuote(request.url)}`
      : `curl --silent --show-error --globoff -X ${method} ${shellQuote(request.url)}`,
  );
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === 'authorization')
      lines.push(`  -H ${authorizationArg(value, options)}`);
    else lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  // curl would add its own User-Agent; the workbench sends none.
  lines.push(`  -H 'User-Agent:'`);
  if (request.body) {
    const text = request.body.text;
    const secret = options.secrets?.clientSecret;
    const data = !text.includes(MASK)
      ? shellQuote(text)
      : secret !== undefined
        ? shellQuote(text.split(MASK).join(secret))
        : quoteWithVariable(text, 'CLIENT_SECRET');
    lines.push(`  --data-binary ${data}`);
  }
  return lines.join(' \\\n');
}
