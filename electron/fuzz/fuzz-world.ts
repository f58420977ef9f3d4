// The world the fuzz suites run in: a real browser host (memory store and vault) with profiles,
// a token, history, a stored body, an API key and a proxy password, and a small token + API
// server on 127.0.0.1 (no call of the fuzz leaves this machine).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { emptyProfileFields, type ProfileView } from '../../shared/profile';
import type { Envelope } from '../../shared/contract';
import type { ApiResult } from '../../shared/results';
import type { HistorySummary } from '../../shared/history';
import { startTestHost, type TestHost } from '../browser-host/test-host';
import type { FuzzPools } from './fuzz-inputs.test-data';

export const FUZZ_SECRETS = {
  clientSecret: 'fuzz-not-a-real-client-secret',
  apiKey: 'fuzz-not-a-real-api-key',
  proxyPassword: 'fuzz-not-a-real-proxy-password',
  refreshToken: 'fuzz-not-a-real-refresh-token',
};
const CLIENT_ID = 'fuzz-client';

/** Every form a secret could leak in: the values, the Basic value (base64 and decoded). */
export const secretForms = [
  ...Object.values(FUZZ_SECRETS),
  Buffer.from(`${CLIENT_ID}:${FUZZ_SECRETS.clientSecret}`).toString('base64'),
  `${CLIENT_ID}:${FUZZ_SECRETS.clientSecret}`,
];

export interface FuzzWorld {
  t: TestHost;
  pools: FuzzPools;
  /** Calls `/rpc/<op>` with the host's own Host, Origin and key; the body as given. */
  post(op: string, body: string): Promise<{ status: number; body: string }>;
  /** Puts back the seeded profiles and safe settings (after an operation changed them). */
  reseed(): Promise<void>;
  close(): Promise<void>;
}

function apiServer(): Server {
  return createServer((req, res) => {
    req.resume();
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.startsWith('/oauth2/token')) {
      res.end(
        JSON.stringify({
          access_token: `fuzz-access-${Date.now()}`,
          token_type: 'Bearer',
          expires_in: 899,
          refresh_token: FUZZ_SECRETS.refreshToken,
        }),
      );
    } else res.end(JSON.stringify({ content: [{ id: 1, name: 'row' }], path: req.url }));
  });
}

export async function startFuzzWorld(): Promise<FuzzWorld> {
  // Probes and device polling pause between calls to be polite; the fuzz skips the pauses.
  const t = await startTestHost({
    clock: { now: () => Date.now(), pause: async (_ms, signal) => !signal.aborted },
  });
  const server = apiServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const refused = 'http://127.0.0.1:9';
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const headers = {
    host: `127.0.0.1:${t.host.port}`,
    origin: `http://127.0.0.1:${t.host.port}`,
    'x-workbench-key': t.host.key,
    'content-type': 'application/json',
  };
  const post: FuzzWorld['post'] = (op, body) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: t.host.port,
          method: 'POST',
          path: `/rpc/${op}`,
          agent,
          setHost: false,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const env = JSON.parse((await post(op, JSON.stringify(input))).body) as Envelope<T>;
    if (!env.ok) throw new Error(`fuzz setup: ${op}: ${env.error.message}`);
    return env.value;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twb-fuzz-paths-'));
  const fifo = path.join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const paths = [
    '/dev/zero',
    '/dev/urandom',
    '/dev/null',
    dir,
    fifo,
    path.join(dir, 'missing.pem'),
  ];
  const pools: FuzzPools = { ids: [], urls: [api, `${api}/api/x`, refused], paths };

  let round = 0;
  const reseed = async () => {
    round++;
    await call('updateSettings', {
      timeoutSeconds: 2,
      keepTokens: false,
      network: { proxyMode: 'none', proxyUrl: '', caFile: '', tlsVerify: true },
      proxyPassword: FUZZ_SECRETS.proxyPassword,
    });
    const profile = (name: string, base: string, extra = {}) =>
      call<ProfileView>('saveProfile', {
        fields: {
          ...emptyProfileFields,
          name: `${name} ${round}`,
          baseUrl: base,
          clientId: CLIENT_ID,
          scopes: ['studio'],
          ...extra,
        },
        clientSecret: FUZZ_SECRETS.clientSecret,
      });
    const live = await profile('fuzz live', api);
    const post = await profile('fuzz post', refused, { authMethod: 'client_secret_post' });
    const code = await profile('fuzz code', api, { grantType: 'authorization_code' });
    await call('setApiKey', { profileId: live.id, apiKey: FUZZ_SECRETS.apiKey });
    await call('getToken', { profileId: live.id, requestId: `seed-${Date.now()}` });
    const sent = await call<ApiResult>('sendRequest', {
      profileId: live.id,
      requestId: `seed-api-${Date.now()}`,
      method: 'GET',
      url: '/api/x',
      headers: [],
      body: '',
      allowOtherOrigin: false,
    });
    const history = await call<HistorySummary[]>('listHistory', {});
    pools.ids = [
      live.id,
      post.id,
      code.id,
      ...(sent.body ? [sent.body.id] : []),
      ...(sent.callId ? [sent.callId] : []),
      ...history.slice(0, 5).map((h) => h.id),
    ];
  };
  await reseed();
  return {
    t,
    pools,
    post,
    reseed,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}
