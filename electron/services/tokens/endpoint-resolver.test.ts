import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryUrls } from '../../../shared/discovery';
import { emptyProfileFields, pickProfileFields, type ProfileFields } from '../../../shared/profile';
import { memoryStore } from '../data-store';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';

/**
 * One server, three shapes by path prefix: /oidc announces OpenID discovery, /tenant/x publishes
 * only RFC 8414 metadata at /.well-known/oauth-authorization-server/tenant/x (§3.1), /plain
 * announces nothing. Every token endpoint issues a token; every request is logged.
 */
let server: Server;
let origin: string;
const log: string[] = [];
let services: Services;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    log.push(`${req.method} ${url}`);
    req.resume();
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url === '/oidc/.well-known/openid-configuration') {
        return json(200, { issuer: `${origin}/oidc`, token_endpoint: `${origin}/oidc/token-here` });
      }
      if (url === '/.well-known/oauth-authorization-server/tenant/x') {
        return json(200, { issuer: `${origin}/tenant/x`, token_endpoint: `${origin}/t/x/token` });
      }
      if (req.method === 'POST') {
        return json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 60 });
      }
      json(404, {});
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services = createServices(memoryStore(), new MemoryVault(null));
});

afterAll(async () => {
  await services.close();
  await new Promise((r) => server.close(r));
});

let n = 0;
function profile(over: Partial<ProfileFields>) {
  return services.profiles.save({
    fields: { ...emptyProfileFields, name: `e-${n++}`, clientId: 'c', ...over },
    clientSecret: 's3cret-value',
  });
}

async function tokenCall(profileId: string) {
  const before = log.length;
  const result = await services.tokens.getToken(profileId, `resolve-${n++}-request`);
  return { result, requests: log.slice(before) };
}

describe('discovery URLs', () => {
  it('tries OpenID then RFC 8414; for an issuer with a path, RFC 8414 §3.1 inserts the well-known part', () => {
    expect(discoveryUrls('https://a.example/')).toEqual([
      'https://a.example/.well-known/openid-configuration',
      'https://a.example/.well-known/oauth-authorization-server',
    ]);
    expect(discoveryUrls('https://a.example/tenant/x/')).toEqual([
      'https://a.example/tenant/x/.well-known/openid-configuration',
      'https://a.example/.well-known/oauth-authorization-server/tenant/x',
      'https://a.example/tenant/x/.well-known/oauth-authorization-server',
    ]);
  });
});

describe('one token endpoint per profile', () => {
  it('uses the Token URL override without asking discovery', async () => {
    const p = await profile({ baseUrl: `${origin}/oidc`, tokenUrl: `${origin}/override` });
    const { result, requests } = await tokenCall(p.id);
    expect(result.endpoint).toEqual({ url: `${origin}/override`, source: 'profile' });
    expect(requests).toEqual(['POST /override']);
  });

  it('uses the token_endpoint from OpenID discovery, and asks once until the profile is saved', async () => {
    const p = await profile({ baseUrl: `${origin}/oidc` });
    const first = await tokenCall(p.id);
    expect(first.result.endpoint).toEqual({
      url: `${origin}/oidc/token-here`,
      source: 'discovery',
    });
    expect(first.requests).toEqual([
      'GET /oidc/.well-known/openid-configuration',
      'POST /oidc/token-here',
    ]);
    expect((await tokenCall(p.id)).requests).toEqual(['POST /oidc/token-here']);
    await services.profiles.save({ id: p.id, fields: pickProfileFields(p) });
    expect((await tokenCall(p.id)).requests[0]).toBe('GET /oidc/.well-known/openid-configuration');
  });

  it('finds RFC 8414 metadata for an issuer with a path', async () => {
    const p = await profile({ baseUrl: `${origin}/tenant/x` });
    const { result, requests } = await tokenCall(p.id);
    expect(result.endpoint).toEqual({ url: `${origin}/t/x/token`, source: 'discovery' });
    expect(requests).toEqual([
      'GET /tenant/x/.well-known/openid-configuration',
      'GET /.well-known/oauth-authorization-server/tenant/x',
      'POST /t/x/token',
    ]);
  });

  it('falls back to <base>/oauth2/token when nothing is announced, and says so', async () => {
    const p = await profile({ baseUrl: `${origin}/plain` });
    const { result, requests } = await tokenCall(p.id);
    expect(result.endpoint).toEqual({
      url: `${origin}/plain/oauth2/token`,
      source: 'conventional',
    });
    expect(requests.at(-1)).toBe('POST /plain/oauth2/token');
    expect(services.tokens.state(p.id).lastAttempt?.endpoint?.source).toBe('conventional');
  });

  it('gives the method probe the same endpoint as Get token', async () => {
    const p = await profile({ baseUrl: `${origin}/oidc` });
    await tokenCall(p.id);
    const rows = await services.grants.probes.probeAuthMethods(p.id, `probe-${n++}-request`);
    expect(rows.map((r) => r.request?.url)).toEqual(Array(3).fill(`${origin}/oidc/token-here`));
  });
});
