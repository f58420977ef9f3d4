// Token pipeline benchmark, in one run (prints figures; asserts nothing):
//  1. Get token (client credentials) through the token pipeline (`services.tokens.getToken`, the
//     services as the app wires them) vs a bare undici POST of the very same request (the same
//     wire bytes, built once by the app's own builder), alternating, 50 of each after a warm-up,
//     against three servers. Both medians, the pipeline's overhead (difference of the medians,
//     ms), the ratio, and the CPU time per call of this process are printed. Beside them, the
//     pipeline's own transport alone (HttpTransport.send of the same wire bytes), in a second
//     pass against bare undici: it hands the request to undici's dispatcher with a handler of its
//     own, not through `request()`, and is faster than the bare POST. "Pipeline beyond its
//     transport" (each overhead against the bare calls of its own pass) is what the steps other
//     than sending cost: build, read, diagnose, record, publish.
//     - "trivial server": a local node:http server that answers a fixed JSON token at once
//       (~0.5 ms a round trip). The ratio there is the pipeline's own cost against almost no
//       server work: the target of 1.05 means about 25 µs of overhead, which is less
//       than one file write. This row is kept as it is, whatever it shows.
//     - "sandbox token endpoint": the app's own sandbox (oidc-provider, started through the
//       SandboxService as the app does on "Try the sandbox", in this process), which
//       authenticates the client and issues a signed JWT on every call: the work a real token
//       endpoint does. (The pipeline does not decode that JWT: the page does, where it shows it.)
//     - "sandbox in its own process": the same sandbox started in a child process (see
//       bench-token-sandbox-child.mjs), the profile pointing at its Base URL: the server no longer
//       shares this process's CPU, event loop and caches, as no real endpoint does. While the
//       answer is on its way this process is idle, and the pipeline's code after it runs on a
//       cold CPU (as in the app). The CPU columns count this process only, not the server.
//     The pipeline records each call in history: the entry is masked, kept in memory and
//     appended to the history file in the next turns of the event loop, after the answer. Every
//     call (bare ones too) is followed by two untimed turns of the event loop (the masking, then
//     the file append it schedules), so that this work is not charged to the next call; the CPU
//     column counts it (cpuUsage over the timed loop). With fewer turns the work lands in the
//     bare call that follows (the servers of the first two rows run in this process) and the
//     ratio looks better than it is.
//  2. click on Get token -> token on screen in Chromium vs the network time the app records,
//     median difference (target <= 15 ms): against the sandbox, and against the sandbox behind a
//     local proxy that waits 60 ms before it forwards (an endpoint as far as a cloud team's),
//     beside the floor of that measurement: the same click and frame detection on a plain button
//     that changes a text with no work, or after the cheapest RPC (see bench-token-ui.mjs);
//  3. one Get token with 0 and with 200 history entries, and their ratio (target <= 1.1); the
//     calls alternate between two sets of services, one with an empty history (see below).
// The load average at the start is printed: on a shared machine the figures move with it.
// Usage: npm run bench:token (-- --no-ui leaves out figure 2)
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request } from 'undici';
import { round } from './bench-stats.mjs';
import { bundleSources } from './bundle-sources.mjs';
import { printReport } from './bench-token-report.mjs';
import { measureClickToScreen } from './bench-token-ui.mjs';

/** The services as plain Node modules: bundled once from the TypeScript sources. */
async function loadServices() {
  servicesBundle = await bundleSources({
    name: 'bench-token/services.mjs',
    contents: `export { createServices } from './electron/services/services';
export { openJsonFileStore } from './electron/services/data-store';
export { MemoryVault } from './electron/services/secret-vault';
export { emptyProfileFields } from './shared/profile';
export { buildTokenRequest } from './shared/token-request';
export { clientCredentialsParams } from './electron/services/tokens/grants/client-credentials';`,
  });
  return import(pathToFileURL(servicesBundle).href);
}
let servicesBundle = '';

// A token endpoint like the platform's: form body, Basic credentials, a JSON token back.
const tokenBody = JSON.stringify({
  access_token: 'a'.repeat(800),
  token_type: 'Bearer',
  expires_in: 899,
  scope: 'team.user-group-info:read',
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method !== 'POST') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(tokenBody);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const withUi = !process.argv.includes('--no-ui');
const loadAverage = os.loadavg().map((x) => round(x, 2));
const {
  createServices,
  openJsonFileStore,
  MemoryVault,
  emptyProfileFields,
  buildTokenRequest,
  clientCredentialsParams,
} = await loadServices();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-token-'));
const services = createServices(openJsonFileStore(dataDir).store, new MemoryVault(null));
const RUNS = 50;
/** Get tokens of each side in figure 3: a call is ~0.4 ms, so 100 medians steady within ~0.02. */
const HISTORY_RUNS = 100;
const scopes = ['team.user-group-info:read'];
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Two turns of the event loop: history's masking, then the file append it schedules. */
const nextTurn = async () => {
  await turn();
  await turn();
};

let n = 0;
/** One Get token through the pipeline; the time to its answer (ms). */
const viaPipeline = async (profileId, on = services) => {
  const t = performance.now();
  const r = await on.tokens.getToken(profileId, `bench-${n++}-request`);
  const ms = performance.now() - t;
  if (!r.token) throw new Error(`pipeline call failed: ${r.failure?.title}`);
  await nextTurn();
  return ms;
};

/** The same request the pipeline sends for a profile, as wire bytes, for bare undici. */
async function bareRequestFor(profileId) {
  const profile = services.profiles.get(profileId);
  const endpoint = services.tokens.knownEndpoint(profile);
  if (!endpoint) throw new Error('no token endpoint resolved yet');
  const { wire } = buildTokenRequest({
    tokenUrl: endpoint.url,
    clientId: profile.clientId,
    clientSecret: (await services.profiles.getSecret(profileId)) ?? undefined,
    authMethod: profile.authMethod,
    paramsAs: profile.paramsAs,
    basicEncoding: profile.basicEncoding,
    params: clientCredentialsParams(profile.scopes),
  });
  const viaUndici = async () => {
    const t = performance.now();
    const res = await request(wire.url, {
      method: wire.method,
      headers: Object.fromEntries(wire.headers),
      body: wire.body?.text,
    });
    const json = JSON.parse(await res.body.text());
    const ms = performance.now() - t;
    if (!json.access_token) throw new Error(`bare call failed: ${res.statusCode}`);
    await nextTurn();
    return ms;
  };
  /** The pipeline's own transport alone (HttpTransport.send), the answer parsed as above. */
  const viaTransport = async () => {
    const t = performance.now();
    const sent = await services.http.send(wire, { timeoutSeconds: 30, step: 'token-endpoint' });
    const json = JSON.parse(sent.response?.bodyText ?? '{}');
    const ms = performance.now() - t;
    if (!json.access_token) throw new Error(`transport call failed: ${sent.failure?.title}`);
    await nextTurn();
    return ms;
  };
  return { viaUndici, viaTransport };
}

/**
 * Pipeline vs bare undici against one server: alternating, after a warm-up of each. Then, in a
 * second pass, the pipeline's transport alone vs bare undici, alternating too: the transport
 * shares the pipeline's send code, so a transport call next to a pipeline call would warm it.
 */
async function compare(profileId) {
  await viaPipeline(profileId); // resolves the endpoint (discovery) before the bare request is built
  const { viaUndici, viaTransport } = await bareRequestFor(profileId);
  for (let i = 0; i < 10; i++) {
    await viaPipeline(profileId);
    await viaUndici();
  }
  const pipe = [];
  const bare = [];
  let pipeCpu = 0;
  let bareCpu = 0;
  for (let i = 0; i < RUNS; i++) {
    let c = process.cpuUsage();
    pipe.push(await viaPipeline(profileId));
    c = process.cpuUsage(c);
    pipeCpu += c.user + c.system;
    c = process.cpuUsage();
    bare.push(await viaUndici());
    c = process.cpuUsage(c);
    bareCpu += c.user + c.system;
  }
  const transport = [];
  const bareBeside = [];
  for (let i = 0; i < 10; i++) {
    await viaTransport();
    await viaUndici();
  }
  for (let i = 0; i < RUNS; i++) {
    transport.push(await viaTransport());
    bareBeside.push(await viaUndici());
  }
  return {
    pipe,
    bare,
    transport,
    bareBeside,
    pipeCpuMs: pipeCpu / 1000 / RUNS,
    bareCpuMs: bareCpu / 1000 / RUNS,
  };
}

// 1a. Against the trivial server.
const secret = 'bench-secret+/=';
const profile = await services.profiles.save({
  fields: {
    ...emptyProfileFields,
    name: 'bench',
    baseUrl: base,
    clientId: 'bench-client',
    scopes,
  },
  clientSecret: secret,
});
const trivial = await compare(profile.id);

// 1b. Against the sandbox's token endpoint, the sandbox started as the app starts it.
const sandboxProfile = await services.profileActions.createSandboxProfile();
const {
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...sandboxFields
} = services.profiles.get(sandboxProfile.id);
await services.profiles.save({ id: sandboxProfile.id, fields: { ...sandboxFields, scopes } });
const sandbox = await compare(sandboxProfile.id);

// 1c. Against the sandbox in a process of its own.
const child = fork(fileURLToPath(new URL('./bench-token-sandbox-child.mjs', import.meta.url)), [
  servicesBundle,
]);
const remote = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('exit', (code) => reject(new Error(`the sandbox child exited (${code})`)));
});
const remoteProfile = await services.profiles.save({
  fields: {
    ...emptyProfileFields,
    name: 'bench, sandbox in its own process',
    baseUrl: remote.baseUrl,
    clientId: remote.clientId,
    scopes,
  },
  clientSecret: remote.secret,
});
const apart = await compare(remoteProfile.id);
child.disconnect();

// 3. History with 0 entries vs 200 (the cap): a second set of services on its own data dir
// holds the empty history, cleared before each of its calls (untimed). The calls alternate, and
// before each one, of either set, that history is cleared: clearing rewrites its file (fsync),
// and a call right after a blocking pause runs slower, so both sides get the same pause.
const other = createServices(
  openJsonFileStore(mkdtempSync(path.join(os.tmpdir(), 'twb-bench-token-0-'))).store,
  new MemoryVault(null),
);
const otherProfile = await other.profiles.save({
  fields: { ...emptyProfileFields, name: 'bench', baseUrl: base, clientId: 'bench-client', scopes },
  clientSecret: secret,
});
for (let i = 0; i < 10; i++) await viaPipeline(otherProfile.id, other);
while (services.history.list().length < 200) await viaPipeline(profile.id);
const empty = [];
const full = [];
for (let i = 0; i < HISTORY_RUNS; i++) {
  other.history.clear();
  empty.push(await viaPipeline(otherProfile.id, other));
  other.history.clear();
  full.push(await viaPipeline(profile.id));
}
await other.close();
await services.close();

// 2. Click -> token on screen, in Chromium on the browser host with its sandbox.
const ui = withUi ? await measureClickToScreen() : null;
server.close();

printReport({ loadAverage, trivial, sandbox, apart, ui, empty, full });
