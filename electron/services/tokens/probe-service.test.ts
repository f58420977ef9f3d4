import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields, type ProfileFields } from '../../../shared/profile';
import { memoryStore } from '../data-store';
import { systemClock } from './clock';
import { ProbeService } from './probe-service';
import { startSandbox, type Sandbox } from '../sandbox';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';

const secret = 'p+/=:% q-7Hc9x2LmQ';
let sandbox: Sandbox;
let services: Services;
let probes: ProbeService;

// A token endpoint that answers 429 to every other request and drops `dropped.scope`.
let limiter: Server;
let limiterUrl: string;
let limiterCalls = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  services = createServices(memoryStore(), new MemoryVault(null));
  const { contexts, client } = services.pipeline;
  probes = new ProbeService({
    contexts,
    client,
    registry: services.registry,
    clock: systemClock,
    gapMs: 20,
    maxRetries429: 3,
  });
  limiter = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      limiterCalls++;
      if (limiterCalls % 2 === 1) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end(JSON.stringify({ title: 'Rate limit exceeded', errorCode: 'LIMIT_RATE_EXCEEDED' }));
        return;
      }
      const asked = (new URLSearchParams(body).get('scope') ?? '').split(' ');
      const scope = asked.filter((s) => s !== 'dropped.scope').join(' ');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'x', token_type: 'Bearer', expires_in: 60, scope }));
    });
  });
  await new Promise<void>((r) => limiter.listen(0, '127.0.0.1', r));
  limiterUrl = `http://127.0.0.1:${(limiter.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await services.close();
  await sandbox.close();
  await new Promise((r) => limiter.close(r));
});

let n = 0;
function profile(over: Partial<ProfileFields>) {
  return services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `probe-${n++}`,
      baseUrl: sandbox.url,
      clientId: 'sandbox-limited',
      ...over,
    },
    clientSecret: secret,
  });
}

describe('scope probe against a sandbox client allowed only some scopes', () => {
  it('reports granted and rejected scopes as the server decided, with its words', async () => {
    const p = await profile({});
    const ask = ['team.user-group-info:read', 'audit.log:read', 'studio', 'made.up:scope'];
    const rows = [];
    for (const scope of ask) rows.push(await probes.probeScope(p.id, [scope], `scope-${scope}`));
    expect(rows.map((r) => r.verdicts[0]?.verdict)).toEqual([
      'granted',
      'granted',
      'rejected',
      'rejected',
    ]);
    expect(rows[2]).toMatchObject({ error: 'invalid_scope', status: 400 });
    expect(rows[2]?.errorDescription).toBeTruthy();
    expect(rows[3]?.error).toBe('invalid_scope');
    const together = await probes.probeScope(p.id, ask, 'scope-all');
    expect(together.verdicts.every((v) => v.verdict === 'rejected')).toBe(true);
    // Probe tokens never replace the profile's token.
    expect(services.tokens.current(p.id)).toBeNull();
  });

  it('reports a scope missing from the issued token as dropped, and waits out 429', async () => {
    const p = await profile({ baseUrl: limiterUrl });
    const row = await probes.probeScope(p.id, ['kept.scope', 'dropped.scope'], 'scope-429');
    expect(row.retriedAfter429).toBe(1);
    expect(row.verdicts).toEqual([
      { scope: 'kept.scope', verdict: 'granted' },
      { scope: 'dropped.scope', verdict: 'dropped' },
    ]);
  });
});

describe('authentication method probe', () => {
  it('finds the one method a client_secret_basic client accepts, with each exchange', async () => {
    const p = await profile({ scopes: ['audit.log:read'] });
    const rows = await probes.probeAuthMethods(p.id, 'methods-1');
    expect(rows.map((r) => [r.variant, r.verdict])).toEqual([
      ['basic-rfc6749', 'accepted'],
      ['basic-raw', 'rejected'],
      ['post', 'rejected'],
    ]);
    expect(rows[1]?.detail).toMatch(/invalid_request/);
    expect(rows[2]?.detail).toMatch(/invalid_client/);
    expect(rows.every((r) => r.request !== null && r.response !== null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('q-7Hc9x2LmQ');
  });

  it('finds client_secret_post for a client registered with it', async () => {
    const p = await profile({ clientId: 'sandbox-post' });
    const rows = await probes.probeAuthMethods(p.id, 'methods-2');
    expect(rows.find((r) => r.variant === 'post')?.verdict).toBe('accepted');
    expect(rows.find((r) => r.variant === 'basic-rfc6749')?.verdict).toBe('rejected');
  });
});
