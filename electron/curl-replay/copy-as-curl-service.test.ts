import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields, type ProfileFields } from '../../shared/profile';
import { memoryStore } from '../services/data-store';
import { MemoryVault } from '../services/secret-vault';
import { createServices, type Services } from '../services/services';
import { comparable, REPLAY_REFRESH_TOKEN, runCommand, startReplayServer } from './replay-harness';

// Copy as curl as the app serves it: a call through the token pipeline, its history entry, the
// copyAsCurl service (variables, and with secrets), each command replayed with real curl.
const clientId = 'team:app/client:1';
const secret = 'a+b/c=d%e:f!g h';
let server: Awaited<ReturnType<typeof startReplayServer>>;
let services: Services;

beforeAll(async () => {
  server = await startReplayServer();
  services = createServices(memoryStore(), new MemoryVault(null));
});
afterAll(async () => {
  await services.close();
  await server.close();
});

let n = 0;
async function profile(over: Partial<ProfileFields>) {
  return services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `replay-${n++}`,
      baseUrl: server.origin,
      tokenUrl: `${server.origin}/oauth2/token`,
      clientId,
      scopes: ['studio', 'audit.log:read'],
      ...over,
    },
    clientSecret: secret,
  });
}

/** The app's call, then both copies of it, as the server received them. */
async function replayCall(callId: string | undefined, env: Record<string, string>) {
  if (!callId) throw new Error('the call has no history entry');
  const before = server.received.length - 1;
  const withVariables = await services.curl.export(callId, false);
  for (const value of Object.values(env)) expect(withVariables.command).not.toContain(value);
  expect(withVariables.variables.map((v) => v.name).sort()).toEqual(Object.keys(env).sort());
  await runCommand(withVariables.command, env);
  const withSecrets = await services.curl.export(callId, true);
  expect(withSecrets.includesSecrets).toBe(true);
  await runCommand(withSecrets.command);
  const [app, variables, secrets] = server.received.slice(before).map(comparable);
  expect(variables).toEqual(app);
  expect(secrets).toEqual(app);
}

describe('Copy as curl through history replays the call the app made', () => {
  it.each<[ProfileFields['authMethod'], ProfileFields['basicEncoding'], ProfileFields['paramsAs']]>(
    [
      ['client_secret_basic', 'rfc6749', 'form'],
      ['client_secret_basic', 'raw', 'multipart'],
      ['client_secret_basic', 'raw', 'query'],
      ['client_secret_post', 'rfc6749', 'form'],
      ['client_secret_post', 'rfc6749', 'multipart'],
    ],
  )(
    'client credentials, %s (%s), parameters as %s',
    async (authMethod, basicEncoding, paramsAs) => {
      const p = await profile({ authMethod, basicEncoding, paramsAs });
      const result = await services.tokens.getToken(p.id, `cc-${p.id}`);
      expect(result.token?.accessToken).toBe('replayed');
      await replayCall(result.callId, { CLIENT_SECRET: secret });
    },
  );

  it('refresh: the refresh token goes back where it was, or as $REFRESH_TOKEN', async () => {
    const p = await profile({ authMethod: 'client_secret_post' });
    await services.tokens.getToken(p.id, `cc-${p.id}`);
    const refreshed = await services.tokens.refresh(p.id, `refresh-${p.id}`);
    expect(refreshed.failure).toBeNull();
    expect(refreshed.request?.body?.text).toContain('refresh_token=••••••');
    await replayCall(refreshed.callId, {
      CLIENT_SECRET: secret,
      REFRESH_TOKEN: REPLAY_REFRESH_TOKEN,
    });
  });
});

describe('Copy as curl through history replays an API call', () => {
  it.each<['token' | 'apiKey', 'Bearer' | 'AppKey', string]>([
    ['token', 'Bearer', 'ACCESS_TOKEN'],
    ['apiKey', 'Bearer', 'API_KEY'],
    ['apiKey', 'AppKey', 'API_KEY'],
  ])('auth %s (%s): $%s, or the value itself', async (auth, apiKeyScheme, name) => {
    const p = await profile({});
    await services.tokens.getToken(p.id, `cc-${p.id}`);
    const apiKey = 'NjQ+YTE/Zj=k:ey!';
    if (auth === 'apiKey') await services.api.setApiKey(p.id, apiKey);
    const result = await services.api.send({
      profileId: p.id,
      requestId: `api-${p.id}`,
      method: 'POST',
      url: '/api/external/members?pageSize=50&q=a%20b',
      headers: [{ name: 'X-Note', value: `it's "$HOME"`, enabled: true }],
      body: '{\n  "name": "Zoë"\n}',
      allowOtherOrigin: false,
      auth,
      apiKeyScheme,
    });
    expect(result.response?.status).toBe(200);
    await replayCall(result.callId, { [name]: auth === 'apiKey' ? apiKey : 'replayed' });
  });
});
