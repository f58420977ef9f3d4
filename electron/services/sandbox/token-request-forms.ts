import { IncomingMessage } from 'node:http';

// The sandbox reads the form of every client-authenticated POST itself before oidc-provider does,
// for two reasons:
// - The platform's own documents send token requests three ways: an x-www-form-urlencoded body,
//   a multipart/form-data body (the curl example) and grant_type/scope as query parameters (the
//   Postman example). oidc-provider reads only urlencoded bodies, so the token endpoint's form is
//   rebuilt from all three. Body fields win over query parameters.
// - oidc-provider accepts client_secret_basic and client_secret_post interchangeably; the sandbox
//   holds each client to its registered method (see client-auth-method.ts).

/** oidc-provider's own body limit. */
const BODY_LIMIT = 56 * 1024;

const URLENCODED = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

export interface FormOptions {
  /** Token endpoint only: accept multipart bodies and query parameters too. */
  platformVariants: boolean;
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True for a POST whose form the sandbox can read; anything else goes to oidc-provider as is. */
export function hasReadableForm(req: IncomingMessage, options: FormOptions): boolean {
  if (req.method !== 'POST') return false;
  const type = mediaType(req);
  return type === URLENCODED || type === '' || (options.platformVariants && type === MULTIPART);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT) throw new Error('request entity too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function bodyFields(req: IncomingMessage, body: Buffer): Promise<[string, string][]> {
  if (body.length === 0) return [];
  if (mediaType(req) === MULTIPART) {
    const contentType = req.headers['content-type'] ?? '';
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const fields: [string, string][] = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') fields.push([key, value]);
    });
    return fields;
  }
  return [...new URLSearchParams(body.toString('utf8'))];
}

/** Reads the request's form; throws when the body cannot be read or parsed. */
export async function readForm(
  req: IncomingMessage,
  url: URL,
  options: FormOptions,
): Promise<URLSearchParams> {
  const fields = await bodyFields(req, await readBody(req));
  const form = new URLSearchParams();
  if (options.platformVariants) {
    const inBody = new Set(fields.map(([key]) => key));
    for (const [key, value] of url.searchParams) if (!inBody.has(key)) form.append(key, value);
  }
  for (const [key, value] of fields) form.append(key, value);
  return form;
}

/** A fresh request carrying `form` as an urlencoded body, for oidc-provider to read. */
export function forwardForm(
  req: IncomingMessage,
  url: URL,
  form: URLSearchParams,
): IncomingMessage {
  const body = Buffer.from(form.toString(), 'utf8');
  const forwarded = new IncomingMessage(req.socket);
  forwarded.method = 'POST';
  forwarded.url = url.pathname;
  forwarded.httpVersion = req.httpVersion;
  forwarded.httpVersionMajor = req.httpVersionMajor;
  forwarded.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers };
  delete headers['transfer-encoding'];
  forwarded.headers = {
    ...headers,
    'content-type': URLENCODED,
    'content-length': `${body.length}`,
  };
  forwarded.complete = true;
  forwarded.push(body);
  forwarded.push(null);
  return forwarded;
}
