import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../../shared/profile';
import { ipcChannel } from '../../../shared/operations';
import { APP_PAGE_URL } from '../../app/app-protocol';
import { createHandlers, dispatch } from '../../handlers';
import { registerIpc, type IpcRegistrar } from '../../ipc';

type IpcListener = Parameters<IpcRegistrar['handle']>[1];
import { memoryStore } from '../data-store';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';

// A token endpoint that hands out a refresh token and an id_token even for client credentials.
const REFRESH = 'rt-must-never-reach-the-page-5b1f';
const ID_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJpZC10b2tlbi1zZWNyZXQifQ.';
const ACCESS = 'at-may-be-shown-8c2d';
let server: Server;
let base: string;
let services: Services;
let handlers: ReturnType<typeof createHandlers>;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'POST' ? 200 : 404, {
        'content-type': 'application/json',
        'x-echo': REFRESH,
      });
      res.end(
        req.method === 'POST'
          ? JSON.stringify({
              access_token: ACCESS,
              token_type: 'Bearer',
              expires_in: 60,
              refresh_token: REFRESH,
              id_token: ID_TOKEN,
              scope: 'a b',
            })
          : '{}',
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services = createServices(memoryStore(), new MemoryVault(null));
  handlers = createHandlers(services, () => ({
    host: 'electron',
    version: 'test',
    dataDir: '/tmp',
    secretStorage: 'memory',
    keychainProblem: null,
  }));
});

afterAll(async () => {
  await services.close();
  await new Promise((r) => server.close(r));
});

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [REFRESH, ID_TOKEN, 'aWQtdG9rZW4tc2VjcmV0'].filter((s) => text.includes(s));
}

describe('nothing from a token response but the access token reaches the page', () => {
  it('probe results over RPC and IPC, token results, history and the pushed state mask refresh and id tokens', async () => {
    const p = await services.profiles.save({
      fields: { ...emptyProfileFields, name: 'mask', baseUrl: base, clientId: 'c', scopes: ['a'] },
      clientSecret: 'client-secret-value',
    });
    const pushed: unknown[] = [];
    services.events.subscribeAll((_name, payload) => pushed.push(payload));

    const methods = await dispatch(handlers, 'probeAuthMethods', {
      profileId: p.id,
      requestId: 'mask-probe-1',
    });
    expect(methods.ok && methods.value.map((r) => r.verdict)).toBeTruthy();
    expect(methods.ok && methods.value[0]?.response?.bodyText).toContain('"refresh_token"');
    expect(leaks(methods)).toEqual([]);
    const scope = await dispatch(handlers, 'probeScope', {
      profileId: p.id,
      requestId: 'mask-probe-2',
      scopes: ['a', 'b'],
    });
    expect(scope.ok).toBe(true);
    expect(leaks(scope)).toEqual([]);

    // The same probe through the Electron IPC registration.
    const channels = new Map<string, IpcListener>();
    registerIpc({ handle: (c, l) => void channels.set(c, l) }, handlers);
    const event = {
      senderFrame: { url: APP_PAGE_URL, parent: null },
    } as unknown as Parameters<IpcListener>[0];
    const viaIpc = await channels.get(ipcChannel('probeAuthMethods'))?.(event, {
      profileId: p.id,
      requestId: 'mask-probe-3',
    });
    expect(viaIpc).toMatchObject({ ok: true });
    expect(leaks(viaIpc)).toEqual([]);

    const token = await dispatch(handlers, 'getToken', {
      profileId: p.id,
      requestId: 'mask-tok-1',
    });
    expect(token.ok && token.value.token?.accessToken).toBe(ACCESS);
    expect(leaks(token)).toEqual([]);

    const list = await dispatch(handlers, 'listHistory', {});
    const entries = list.ok ? list.value : [];
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const e of entries) {
      expect(leaks(await dispatch(handlers, 'getHistoryEntry', { id: e.id }))).toEqual([]);
    }
    expect(pushed.length).toBeGreaterThan(0);
    expect(leaks(pushed)).toEqual([]);
    // The refresh token is kept, in main only.
    expect(services.tokens.current(p.id)?.refreshAvailable).toBe(true);
  });
});
