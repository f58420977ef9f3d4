import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCurlCommand } from '../../shared/curl';
import { formUrlEncode, type BasicEncoding } from '../../shared/form-encoding';
import type { AuthMethod, ParamsAs } from '../../shared/profile';
import { buildTokenRequest } from '../../shared/token-request';
import {
  comparable,
  runCommand,
  sendAsTheApp,
  startReplayServer,
  variablesFor,
} from './replay-harness';

// Every token request the app can send, replayed with real curl: once with the values put back
// ("Include secrets") and once with shell variables set to what the user has.
let server: Awaited<ReturnType<typeof startReplayServer>>;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

const clients = {
  plain: { id: 'workbench-client', secret: 'plain-secret-0123456789' },
  'field-notes vector': {
    id: '1PpG/Q 1',
    secret: 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=',
  },
  'id with : and /, secret with + / = % : ! space': {
    id: 'team:app/client:1',
    secret: 'a+b/c=d%e:f!g h',
  },
};

const methods: { name: string; authMethod: AuthMethod; basicEncoding: BasicEncoding }[] = [
  { name: 'client_secret_basic RFC', authMethod: 'client_secret_basic', basicEncoding: 'rfc6749' },
  { name: 'client_secret_basic raw', authMethod: 'client_secret_basic', basicEncoding: 'raw' },
  { name: 'client_secret_post', authMethod: 'client_secret_post', basicEncoding: 'rfc6749' },
];
const placements: ParamsAs[] = ['form', 'multipart', 'query'];

const grants: Record<string, [string, string][]> = {
  'client credentials': [
    ['grant_type', 'client_credentials'],
    ['scope', 'team.user-group-info:read audit.log:read'],
  ],
  'authorization code with PKCE verifier': [
    ['grant_type', 'authorization_code'],
    ['code', 'c0de+/=with%chars'],
    ['redirect_uri', 'http://127.0.0.1:53682/callback'],
    ['code_verifier', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
  ],
  refresh: [
    ['grant_type', 'refresh_token'],
    ['refresh_token', 'rt/8bL+wfF=Tt1 rFw!'],
  ],
  'device code polling': [
    ['grant_type', 'urn:ietf:params:oauth:grant-type:device_code'],
    ['device_code', 'GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS'],
  ],
};

async function replay(input: Parameters<typeof buildTokenRequest>[0]) {
  const built = buildTokenRequest(input);
  const before = server.received.length;
  await sendAsTheApp(built.wire);

  const withSecrets = renderCurlCommand(built.request);
  expect(withSecrets.variables).toEqual([]);
  await runCommand(withSecrets.command);

  const withVariables = renderCurlCommand(built.layout);
  for (const value of Object.values(variablesFor(built.request, input.clientSecret))) {
    expect(withVariables.command).not.toContain(value);
    expect(withVariables.command).not.toContain(formUrlEncode(value));
  }
  await runCommand(withVariables.command, variablesFor(built.request, input.clientSecret));

  const [app, secrets, variables] = server.received.slice(before).map(comparable);
  expect(app).toBeDefined();
  expect(secrets).toEqual(app);
  expect(variables).toEqual(app);
  return { built, withVariables, app };
}

describe.each(Object.entries(grants))('Copy as curl replays the %s request', (_grant, params) => {
  describe.each(Object.entries(clients))('%s client', (_client, c) => {
    it.each(methods.flatMap((m) => placements.map((p) => [m.name, p, m] as const)))(
      '%s, parameters as %s: the server receives the same bytes',
      async (_n, paramsAs, m) => {
        await replay({
          tokenUrl: `${server.origin}/oauth2/token?tenant=a%20b`,
          clientId: c.id,
          clientSecret: c.secret,
          authMethod: m.authMethod,
          basicEncoding: m.basicEncoding,
          paramsAs,
          params,
          multipartBoundary: '----TokenWorkbenchReplay',
        });
      },
    );
  });

  it.each(placements)('public client (no secret), parameters as %s', async (paramsAs) => {
    await replay({
      tokenUrl: `${server.origin}/oauth2/token`,
      clientId: 'public:client/1',
      authMethod: 'none',
      basicEncoding: 'rfc6749',
      paramsAs,
      params,
    });
  });
});

describe('the variables a command names, one per kind', () => {
  const base = {
    tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
    clientId: 'team:app/client:1',
    clientSecret: 'a+b/c=d%e:f!g h',
    basicEncoding: 'raw' as const,
    paramsAs: 'form' as const,
  };

  it('raw Basic keeps a client ID with ":" whole and takes the secret from $CLIENT_SECRET', () => {
    const { layout } = buildTokenRequest({
      ...base,
      authMethod: 'client_secret_basic',
      params: grants.refresh ?? [],
    });
    const { command, variables } = renderCurlCommand(layout);
    expect(command).toContain(`printf '%s:%s' 'team:app/client:1' "$CLIENT_SECRET"`);
    expect(variables.map((v) => v.name)).toEqual(['CLIENT_SECRET', 'REFRESH_TOKEN']);
    expect(command).toMatch(/^# Set first: CLIENT_SECRET \(/);
    expect(command).toContain('"${CLIENT_SECRET:?set CLIENT_SECRET first}"');
  });

  it('code exchange names $AUTH_CODE and $CODE_VERIFIER; device polling $DEVICE_CODE', () => {
    const code = buildTokenRequest({
      ...base,
      authMethod: 'client_secret_post',
      params: grants['authorization code with PKCE verifier'] ?? [],
    });
    expect(renderCurlCommand(code.layout).variables.map((v) => v.name)).toEqual([
      'AUTH_CODE',
      'CODE_VERIFIER',
      'CLIENT_SECRET',
    ]);
    const device = buildTokenRequest({
      ...base,
      clientSecret: undefined,
      authMethod: 'none',
      params: grants['device code polling'] ?? [],
    });
    const rendered = renderCurlCommand(device.layout);
    expect(rendered.variables.map((v) => v.name)).toEqual(['DEVICE_CODE']);
    expect(rendered.command).toContain('&device_code=$(form_encode "$DEVICE_CODE")&');
  });

  it('a command without secrets has no preamble', () => {
    const { layout } = buildTokenRequest({
      ...base,
      clientSecret: undefined,
      authMethod: 'none',
      params: grants['client credentials'] ?? [],
    });
    const { command, variables } = renderCurlCommand(layout);
    expect(variables).toEqual([]);
    expect(command.startsWith('curl ')).toBe(true);
  });
});
