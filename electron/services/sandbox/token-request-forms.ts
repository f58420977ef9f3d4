import { IncomingMessage, type ServerResponse } from 'node:http';

// The platform's own documents send token requests three ways: an x-www-form-urlencoded body,
// a multipart/form-data body (the curl example) and grant_type/scope as query parameters (the
// Postman example). oidc-provider reads only urlencoded bodies, so the sandbox rewrites the other
// two into one before handing the request on. Body fields win over query parameters.

/** oidc-provider's own body limit. */
const BODY_LIMIT = 56 * 1024;

const URLENCODED = 'application/x-www-form-urlencoded';

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True when the request is a token request the provider would not read as sent. */
export function needsRewrite(req: IncomingMessage, url: URL): boolean {
  if (req.method !== 'POST') return false;
  const type = mediaType(req);
  if (type === 'multipart/form-data') return true;
  return url.search.length > 1 && (type === '' || type === URLENCODED);
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
  if (mediaType(req) === 'multipart/form-data') {
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

function invalidRequest(res: ServerResponse, description: string): void {
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: 'invalid_request', error_description: description }));
}

/**
 * Reads a multipart or query-parameter token request and returns an equivalent urlencoded
 * request for oidc-provider, or answers 400 itself and returns undefined.
 */
export async function rewriteTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<IncomingMessage | undefined> {
  let fields: [string, string][];
  try {
    fields = await bodyFields(req, await readBody(req));
  } catch {
    invalidRequest(res, 'failed to parse the request body');
    return undefined;
  }

  const inBody = new Set(fields.map(([key]) => key));
  const merged = new URLSearchParams();
  for (const [key, value] of url.searchParams) if (!inBody.has(key)) merged.append(key, value);
  for (const [key, value] of fields) merged.append(key, value);
  const body = Buffer.from(merged.toString(), 'utf8');

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
    'content-length': String(body.length),
  };
  forwarded.complete = true;
  forwarded.push(body);
  forwarded.push(null);
  return forwarded;
}
