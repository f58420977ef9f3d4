// Helpers for the sandbox's tests: real HTTP with fetch against a running sandbox, no mocks.

/** Holds every character that encoders disagree on: + / = : % and space. */
export const TEST_SECRET = 'z/tZ9 Vw%FZ+q:X2/8bL=';

/** RFC 6749 §2.3.1 (application/x-www-form-urlencoded) encoding of one value. */
export function formEncode(value: string): string {
  return new URLSearchParams({ k: value }).toString().slice(2);
}

export function basicAuth(clientId: string, secret: string, encode = true): string {
  const pair = encode ? `${formEncode(clientId)}:${formEncode(secret)}` : `${clientId}:${secret}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, { method: 'POST', headers, body: new URLSearchParams(fields) });
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
  error_description?: string;
}

/** A client credentials request with client_secret_basic; returns the status and the JSON. */
export async function clientCredentials(
  sandboxUrl: string,
  clientId: string,
  scope: string,
  secret = TEST_SECRET,
): Promise<{ status: number; body: TokenResponse }> {
  const response = await postForm(
    `${sandboxUrl}/oauth2/token`,
    { grant_type: 'client_credentials', scope },
    { authorization: basicAuth(clientId, secret) },
  );
  return { status: response.status, body: (await response.json()) as TokenResponse };
}

export async function accessToken(sandboxUrl: string, clientId: string, scope: string) {
  const { body } = await clientCredentials(sandboxUrl, clientId, scope);
  if (!body.access_token) throw new Error(`no token: ${body.error ?? 'unknown error'}`);
  return body.access_token;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

export interface HtmlForm {
  action: string;
  fields: URLSearchParams;
  /** Names of the visible inputs (their values, if any, are in `fields` too). */
  inputs: string[];
}

/** The first form of a page: its action, the values of its inputs, its visible inputs. */
export function firstForm(html: string): HtmlForm | undefined {
  const open = /<form\b[^>]*>/i.exec(html);
  if (!open) return undefined;
  const end = html.indexOf('</form>', open.index);
  const body = html.slice(open.index, end === -1 ? undefined : end);
  const fields = new URLSearchParams();
  const inputs: string[] = [];
  for (const [tag] of body.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(tag, 'name');
    if (!name) continue;
    const value = attribute(tag, 'value');
    if ((attribute(tag, 'type') ?? 'text') !== 'hidden') inputs.push(name);
    if (value !== undefined) fields.append(name, value);
  }
  return { action: attribute(open[0], 'action') ?? '', fields, inputs };
}

/** A tiny browser: keeps cookies and follows redirects by hand, so a test can see each step. */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, form?: URLSearchParams): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Requests `url` and follows redirects until a page answers, or until a redirect leads
   * where `stop` says (the client's loopback callback, which nobody listens on).
   */
  async navigate(
    url: string,
    form?: URLSearchParams,
    stop: (location: URL) => boolean = () => false,
  ): Promise<{ url: URL; response?: Response; html: string }> {
    let current = new URL(url);
    let response = await this.request(current.href, form);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, response, html: await response.text() };
      }
      current = new URL(location, current);
      if (stop(current)) return { url: current, html: '' };
      response = await this.request(current.href);
    }
    throw new Error('too many redirects');
  }

  /** Fills and submits the sandbox's dev login form, then accepts every consent page. */
  async signInAndConsent(
    page: { url: URL; html: string },
    stop: (location: URL) => boolean,
    login = 'ada@example.com',
  ): Promise<{ url: URL; html: string }> {
    let current = page;
    for (let step = 0; step < 6; step++) {
      const form = firstForm(current.html);
      if (stop(current.url) || !form) return current;
      if (form.inputs.includes('login')) {
        form.fields.set('login', login);
        form.fields.set('password', 'any password');
      }
      current = await this.navigate(new URL(form.action, current.url).href, form.fields, stop);
    }
    return current;
  }
}
