import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRequest, type ApiCredentialKind } from '../../shared/api-request';
import { renderCurl, renderCurlCommand } from '../../shared/curl';
import type { WireRequest } from '../../shared/wire';
import {
  comparable,
  runCommand,
  sendAsTheApp,
  startReplayServer,
  variablesFor,
} from './replay-harness';

// API calls as the request tester sends them, replayed with real curl.
let server: Awaited<ReturnType<typeof startReplayServer>>;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

const accessToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBsYXkifQ.c2lnbmF0dXJl';
const apiKey = 'NjQ+YTE/Zj=k:ey!';

function call(authorization: string, body?: string): WireRequest {
  const headers: [string, string][] = [
    ['X-Request-Id', `it's "quoted" $HOME \`x\``],
    ['Authorization', authorization],
    ['Accept', 'application/json, */*;q=0.5'],
  ];
  if (body !== undefined) headers.push(['Content-Type', 'application/json']);
  return {
    method: body === undefined ? 'GET' : 'POST',
    url: `${server.origin}/api/external/members?pageSize=50&q=a%20b%26c&f[0]=x`,
    headers,
    ...(body !== undefined ? { body: { contentType: 'application/json', text: body } } : {}),
  };
}

const cases: [string, string, ApiCredentialKind, string][] = [
  ['an access token (Bearer)', `Bearer ${accessToken}`, 'access_token', 'ACCESS_TOKEN'],
  ['an API key (Bearer)', `Bearer ${apiKey}`, 'api_key', 'API_KEY'],
  ['an API key (AppKey)', `AppKey ${apiKey}`, 'api_key', 'API_KEY'],
  [
    'an Authorization header the user typed',
    'Custom abc$def',
    'custom_authorization',
    'AUTHORIZATION',
  ],
];

describe.each(cases)(
  'Copy as curl replays an API call with %s',
  (_n, authorization, kind, name) => {
    it.each([
      ['GET without a body', undefined],
      [
        'POST with a JSON body over several lines',
        '{\n  "name": "Zoë",\n  "note": "it\'s $HOME"\n}',
      ],
    ])('%s: the server receives the same bytes', async (_m, body) => {
      const built = buildApiRequest(call(authorization, body), kind);
      const before = server.received.length;
      await sendAsTheApp(built.wire);

      await runCommand(renderCurlCommand(built.request).command);
      const withVariables = renderCurlCommand(built.layout);
      expect(withVariables.variables.map((v) => v.name)).toEqual([name]);
      const secret = authorization.slice(authorization.indexOf(' ') + 1);
      expect(withVariables.command).not.toContain(secret);
      await runCommand(withVariables.command, variablesFor(built.request, undefined));
      // A request kept as it was sent renders the same way.
      await runCommand(renderCurl(built.wire));

      const [app, ...replays] = server.received.slice(before).map(comparable);
      expect(app?.headers.authorization).toBe(authorization);
      expect(replays).toEqual([app, app, app]);
    });
  },
);

describe('API request layout', () => {
  it('masks the credentials after the scheme, and only those', () => {
    const built = buildApiRequest(call(`AppKey ${apiKey}`), 'api_key');
    expect(built.shown.headers).toContainEqual(['Authorization', 'AppKey ••••••']);
    expect(JSON.stringify(built.shown)).not.toContain(apiKey);
    expect(JSON.stringify(built.layout)).not.toContain(apiKey);
    expect(built.wire).toEqual(call(`AppKey ${apiKey}`));
  });

  it('a Bearer token names $ACCESS_TOKEN inside one double-quoted word', () => {
    const built = buildApiRequest(call(`Bearer ${accessToken}`), 'access_token');
    expect(renderCurlCommand(built.layout).command).toContain(
      '-H "Authorization: Bearer $ACCESS_TOKEN"',
    );
  });
});
