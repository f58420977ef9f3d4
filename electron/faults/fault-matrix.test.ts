import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../shared/profile';
import { emptyProfileFields } from '../../shared/profile';
import type { ApiResult, TokenResult } from '../../shared/results';
import { goodHeaders, rawCall, startTestHost, type TestHost } from '../browser-host/test-host';
import { makeFaultCertificates } from './fault-certificates';
import { faultRows, type Expectation, type FaultRow } from './fault-rows';
import { startFaultServers, type FaultServers } from './fault-server';

// The fault matrix of issue 10: every fault against the token call (getToken) and an API call
// (sendRequest), both through the real browser host over HTTP (so through the handler table).
// Each asserts the named failure, that the host keeps answering, and that nothing saved is lost.
const SECRET = 'fault-matrix-not-a-real-secret-+/=';
const API_KEY = 'fault-matrix-not-a-real-api-key';
const CLIENT_ID = 'fault-client';
const secrets = [
  SECRET,
  API_KEY,
  Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'),
  Buffer.from(`${CLIENT_ID}:${encodeURIComponent(SECRET)}`).toString('base64'),
  encodeURIComponent(SECRET),
];

let t: TestHost;
let servers: FaultServers;
const matrix: string[] = [];
let n = 0;

async function rpc<T>(op: string, input: unknown): Promise<T> {
  const res = await rawCall(t.host.port, {
    method: 'POST',
    path: `/rpc/${op}`,
    headers: goodHeaders(t.host),
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  // revealSecret is the one answer that carries the secret, on purpose.
  if (op !== 'revealSecret') for (const s of secrets) expect(res.body).not.toContain(s);
  const envelope = JSON.parse(res.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${op}: ${envelope.error?.message}`);
  return envelope.value;
}

beforeAll(async () => {
  const certs = makeFaultCertificates(mkdtempSync(path.join(os.tmpdir(), 'twb-faults-')));
  servers = await startFaultServers(certs);
  t = await startTestHost();
  await rpc('updateSettings', { network: { caFile: certs.caFile } });
}, 60_000);

afterAll(async () => {
  console.log(`fault matrix (fault | token call | API call):\n${matrix.join('\n')}`);
  await t?.close();
  await servers?.close();
});

function check(kind: 'token' | 'api', got: TokenResult | ApiResult, want: Expectation): string {
  if (want.failure) {
    expect(got.failure, `${kind}: ${JSON.stringify(got.response?.status)}`).not.toBeNull();
    expect(got.failure?.kind).toBe(want.failure);
    expect(got.failure?.title.length).toBeGreaterThan(0);
    expect(got.failure?.hint.length).toBeGreaterThan(0);
    if (want.says)
      expect(`${got.failure?.title} ${got.failure?.message} ${got.failure?.hint}`).toMatch(
        want.says,
      );
  } else {
    expect(got.failure).toBeNull();
  }
  if (want.status !== undefined) expect(got.response?.status).toBe(want.status);
  if (want.size !== undefined) expect(got.response?.size).toBe(want.size);
  if (want.finding) {
    expect((got.diagnosis ?? []).map((d) => d.id)).toContain(want.finding);
  }
  const status = got.response ? `HTTP ${got.response.status}` : '';
  return [got.failure?.kind, status].filter(Boolean).join(', ');
}

async function profileFor(row: FaultRow, base: string): Promise<ProfileView> {
  const saved = await rpc<ProfileView>('saveProfile', {
    fields: {
      ...emptyProfileFields,
      name: `fault ${row.name}`,
      baseUrl: base,
      tokenUrl: `${base}/oauth2/token`,
      clientId: CLIENT_ID,
      authMethod: row.authMethod ?? 'client_secret_basic',
      scopes: ['studio'],
    },
    clientSecret: SECRET,
  });
  await rpc('setApiKey', { profileId: saved.id, apiKey: API_KEY });
  return saved;
}

describe('fault matrix', () => {
  it('has at least 18 faults', () => {
    expect(faultRows.length).toBeGreaterThanOrEqual(18);
  });

  it.each(faultRows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    await rpc('updateSettings', { timeoutSeconds: row.timeoutSeconds ?? 1 });
    const base = row.base(servers);
    const profile = await profileFor(row, base);
    const before = await rpc<ProfileView[]>('listProfiles', {});
    const stolenBefore = servers.stolenRequests.length;

    const token = await rpc<TokenResult>('getToken', {
      profileId: profile.id,
      requestId: `fault-token-${n++}`,
    });
    expect(token.token).toBeNull();
    const tokenCell = check('token', token, row.token);

    const api = await rpc<ApiResult>('sendRequest', {
      profileId: profile.id,
      requestId: `fault-api-${n++}`,
      method: 'POST',
      url: `${base}/api/check`,
      headers: [],
      body: '{"query":1}',
      allowOtherOrigin: false,
      auth: 'apiKey',
    });
    const apiCell = check('api', api, row.api);
    if (row.name.startsWith('gzip bomb')) {
      // Not inflated: the body counts as the bytes that came over the wire.
      expect(token.response?.size).toBe(servers.bombWireBytes);
      expect(api.response?.size).toBe(servers.bombWireBytes);
    }

    // Neither the token, the secret nor the API key followed a redirect.
    expect(servers.stolenRequests.slice(stolenBefore)).toEqual([]);
    // The host keeps answering, and nothing saved is lost.
    expect(await rpc<ProfileView[]>('listProfiles', {})).toEqual(before);
    expect(await rpc<{ secret: string | null }>('revealSecret', { profileId: profile.id })).toEqual(
      {
        secret: SECRET,
      },
    );
    expect(
      await rpc<{ hasApiKey: boolean }>('getApiKeyStatus', { profileId: profile.id }),
    ).toMatchObject({ hasApiKey: true });
    matrix.push(`${row.name} | ${tokenCell} | ${apiCell}`);
  });
});
