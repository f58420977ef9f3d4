import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formUrlEncode } from '../../../shared/form-encoding';
import { emptyProfileFields, pickProfileFields } from '../../../shared/profile';
import type { TokenRequestInput } from '../../../shared/token-request';
import { memoryStore } from '../data-store';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';
import { BuiltRequests } from './built-requests';
import { changesWhenFormEncoded } from './token-call-recorder';

const input = (over: Partial<TokenRequestInput> = {}): TokenRequestInput => ({
  tokenUrl: 'https://acme.example/oauth2/token',
  clientId: 'client-1',
  clientSecret: 'first-secret-value',
  authMethod: 'client_secret_post',
  paramsAs: 'form',
  basicEncoding: 'rfc6749',
  params: [
    ['grant_type', 'client_credentials'],
    ['scope', 'a:read'],
  ],
  ...over,
});

describe('requests built once per profile', () => {
  it('sends the same request again while nothing changed, and builds anew when anything did', () => {
    const built = new BuiltRequests();
    const one = built.build('p1', input());
    expect(built.build('p1', input())).toBe(one);
    expect(Object.isFrozen(one.wire)).toBe(true);
    const renewed = built.build('p1', input({ clientSecret: 'second-secret-value' }));
    expect(renewed).not.toBe(one);
    expect(renewed.wire.body?.text).toContain('second-secret-value');
    // The old secret's request is gone: asking with it again builds it again.
    expect(built.build('p1', input())).not.toBe(one);
    expect(built.build('p1', input({ params: [['grant_type', 'client_credentials']] }))).not.toBe(
      one,
    );
    const kept = built.build('p1', input());
    built.forget('p1');
    expect(built.build('p1', input())).not.toBe(kept);
    const multipart = input({ paramsAs: 'multipart', multipartBoundary: 'b1' });
    expect(built.build('p1', multipart)).not.toBe(built.build('p1', multipart));
  });

  it('builds anew when any single input differs, and is not fooled by params changed after', () => {
    const changes: Partial<TokenRequestInput>[] = [
      { tokenUrl: 'https://acme.example/oauth2/token2' },
      { clientId: 'client-2' },
      { clientSecret: undefined, authMethod: 'none' },
      { authMethod: 'client_secret_basic' },
      { paramsAs: 'query' },
      { basicEncoding: 'raw' },
      {
        params: [
          ['grant_type', 'client_credentials'],
          ['scope', 'b:read'],
        ],
      },
      {
        params: [
          ['grant_type', 'client_credentials'],
          ['scopes', 'a:read'],
        ],
      },
    ];
    for (const change of changes) {
      const built = new BuiltRequests();
      const one = built.build('p1', input());
      expect(built.build('p1', input(change)), JSON.stringify(change)).not.toBe(one);
    }
    const built = new BuiltRequests();
    const params: [string, string][] = [
      ['grant_type', 'client_credentials'],
      ['scope', 'a:read'],
    ];
    const one = built.build('p1', input({ params }));
    params[1] = ['scope', 'b:read'];
    const other = built.build('p1', input({ params }));
    expect(other).not.toBe(one);
    expect(other.wire.body?.text).toContain('scope=b%3Aread');
  });

  it('says whether form encoding changes a value exactly as formUrlEncode does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(changesWhenFormEncoded(value)).toBe(formUrlEncode(value) !== value);
      }),
      { numRuns: 2000 },
    );
    for (const value of ['abcXYZ09*-._', 'a b', 'p+/=', 'é', '~', '']) {
      expect(changesWhenFormEncoded(value)).toBe(formUrlEncode(value) !== value);
    }
  });
});

describe('a changed secret is sent on the very next call', () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ access_token: 'at-123456789', token_type: 'Bearer', expires_in: 60 }),
      );
    });
  });
  let services: Services;
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    services = createServices(memoryStore(), new MemoryVault(null));
  });
  afterAll(async () => {
    await services.close();
    server.close();
  });

  it('uses the new secret after a save, and the same request while nothing changed', async () => {
    const p = await services.profiles.save({
      fields: {
        ...emptyProfileFields,
        name: 'Rotating',
        baseUrl: base,
        tokenUrl: `${base}/oauth2/token`,
        clientId: 'client-1',
      },
      clientSecret: 'first-secret-value',
    });
    const basic = (secret: string) =>
      `Basic ${Buffer.from(`client-1:${formUrlEncode(secret)}`).toString('base64')}`;
    for (let i = 0; i < 2; i++) await services.tokens.getToken(p.id, `rotate-${i}`);
    await services.profiles.save({
      id: p.id,
      fields: pickProfileFields(services.profiles.get(p.id)),
      clientSecret: 'second-secret-value',
    });
    await services.tokens.getToken(p.id, 'rotate-2');
    expect(seen.map((h) => h.authorization)).toEqual([
      basic('first-secret-value'),
      basic('first-secret-value'),
      basic('second-secret-value'),
    ]);
  });
});
