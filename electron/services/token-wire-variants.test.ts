import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formUrlEncode } from '../../shared/form-encoding';
import { MASK } from '../../shared/mask';
import { emptyProfileFields, type ProfileFields } from '../../shared/profile';
import { memoryStore } from './data-store';
import { MemoryVault } from './secret-vault';
import { createServices, type Services } from './services';

// A local server that records each raw request: the wire view must be byte-for-byte what was sent.
interface Recorded {
  method: string;
  url: string;
  rawHeaders: [string, string][];
  body: Buffer;
}

const clientId = '1PpG/Q 1';
const secret = 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=';
let server: Server;
let base: string;
let services: Services;
const recorded: Recorded[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Discovery (GET) finds nothing here: the conventional /oauth2/token is used.
      if (req.method !== 'POST') return void res.writeHead(404).end();
      const pairs: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
      }
      recorded.push({
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: pairs,
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 899 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services = createServices(memoryStore(), new MemoryVault(null));
});

afterAll(async () => {
  await services.close();
  await new Promise((r) => server.close(r));
});

let n = 0;
async function send(over: Partial<ProfileFields>) {
  const p = await services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `w-${n++}`,
      baseUrl: base,
      clientId,
      scopes: ['team.user-group-info:read', 'audit.log:read'],
      ...over,
    },
    clientSecret: secret,
  });
  const before = recorded.length;
  const result = await services.tokens.getToken(p.id, `wire-${n}-request`);
  expect(result.failure).toBeNull();
  expect(recorded.length).toBe(before + 1);
  const raw = recorded[before];
  if (!raw || !result.request) throw new Error('nothing recorded');
  return { shown: result.request, raw, basicDecoded: result.basicDecoded };
}

function decodeBasic(raw: Recorded): string | null {
  const value = raw.rawHeaders.find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  return value ? Buffer.from(value.replace(/^Basic /, ''), 'base64').toString('utf8') : null;
}

/** What the wire view shows, with the masked secret put back as it was encoded on the wire. */
function unmask(text: string, encoded: string): string {
  return text.split(MASK).join(encoded);
}

const paramsAsCases = ['form', 'multipart', 'query'] as const;

describe('each wire variant is byte for byte what the wire view shows', () => {
  for (const paramsAs of paramsAsCases) {
    for (const method of ['client_secret_basic', 'client_secret_post'] as const) {
      it(`${paramsAs} body, ${method}`, async () => {
        const { shown, raw } = await send({ paramsAs, authMethod: method });
        expect(raw.method).toBe(shown.method);
        const shownUrl = new URL(shown.url);
        expect(raw.url).toBe(shownUrl.pathname + shownUrl.search);
        const encodedSecret = paramsAs === 'multipart' ? secret : formUrlEncode(secret);
        const shownBody = shown.body ? unmask(shown.body.text, encodedSecret) : '';
        expect(raw.body.toString('utf8')).toBe(shownBody);
        expect(raw.body.equals(Buffer.from(shownBody, 'utf8'))).toBe(true);
        // Every header the view lists went out with exactly that value (Basic masked in the view).
        for (const [name, value] of shown.headers) {
          const sent = raw.rawHeaders.find(([k]) => k === name)?.[1];
          if (name === 'Authorization') expect(value).toBe(`Basic ${MASK}`);
          else expect(sent).toBe(value);
        }
        // The only headers not in the view are the HTTP layer's own.
        const extra = raw.rawHeaders
          .map(([k]) => k.toLowerCase())
          .filter((k) => !shown.headers.some(([s]) => s.toLowerCase() === k));
        // (A POST without a body still says content-length: 0.)
        expect(extra.sort()).toEqual(['connection', 'content-length', 'host']);
        // Credentials in the header or in the body, never both.
        const inHeader = decodeBasic(raw) !== null;
        const inBody = raw.body.toString('utf8').includes('client_secret');
        expect(inHeader !== inBody).toBe(true);
        expect(inHeader).toBe(method === 'client_secret_basic');
        if (paramsAs === 'query') {
          expect(shownUrl.searchParams.get('grant_type')).toBe('client_credentials');
          expect(shownUrl.searchParams.get('scope')).toBe(
            'team.user-group-info:read audit.log:read',
          );
          expect(shownUrl.searchParams.has('client_secret')).toBe(false);
        }
        if (paramsAs === 'multipart') {
          expect(shown.body?.contentType).toMatch(
            /^multipart\/form-data; boundary=----TokenWorkbench[0-9a-f]{24}$/,
          );
        }
      });
    }
  }

  it('raw and RFC 6749 Basic differ exactly where form-encoding changes characters', async () => {
    const rfc = await send({ basicEncoding: 'rfc6749' });
    const rawBasic = await send({ basicEncoding: 'raw' });
    expect(decodeBasic(rfc.raw)).toBe(
      '1PpG%2FQ+1:z%2FtZ9VwFZqApmIQ%2BZH1I5pLk%2FuB4ud%3AX2%2F8bL%2BwfFTt1rFw%3D',
    );
    expect(decodeBasic(rawBasic.raw)).toBe(`${clientId}:${secret}`);
    expect(rfc.basicDecoded).toBe(`1PpG%2FQ+1:${MASK}`);
    expect(rawBasic.basicDecoded).toBe(`${clientId}:${MASK}`);
    // Outside the Authorization header, the two requests are identical.
    expect(rfc.raw.body.equals(rawBasic.raw.body)).toBe(true);
    expect(rfc.raw.url).toBe(rawBasic.raw.url);
  });
});
