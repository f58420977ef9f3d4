import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { ipcChannel, operationNames } from '../shared/operations';
import { createHandlers } from './handlers';
import { isTrustedFrame, registerIpc, type IpcRegistrar } from './ipc';
import { memoryStore } from './services/data-store';
import { MemoryVault } from './services/secret-vault';
import { createServices } from './services/services';

const pageUrl = 'app://workbench/index.html';

function setup() {
  const listeners = new Map<
    string,
    (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>
  >();
  const ipc: IpcRegistrar = {
    handle: (channel, listener) => void listeners.set(channel, listener),
  };
  const services = createServices(memoryStore(), new MemoryVault(null));
  const handlers = createHandlers(services, () => ({
    host: 'electron',
    version: 'test',
    dataDir: '/tmp',
    secretStorage: 'memory',
    keychainProblem: null,
  }));
  registerIpc(ipc, handlers);
  const event = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
  return { listeners, event };
}

describe('IPC registration', () => {
  it('registers exactly one channel per operation', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
  });

  it('answers the app page and parses input with the contract schema', async () => {
    const { listeners, event } = setup();
    const list = listeners.get(ipcChannel('listProfiles'))!;
    expect(await list(event(`${pageUrl}#x`), {})).toEqual({ ok: true, value: [] });
    const bad = (await list(event(pageUrl), { unexpected: 1 })) as {
      ok: boolean;
      error: { message: string };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toMatch(/unexpected/);
  });

  it('refuses calls from another page or from a subframe', async () => {
    const { listeners, event } = setup();
    const list = listeners.get(ipcChannel('listProfiles'))!;
    expect(await list(event('https://evil.example/'), {})).toMatchObject({ ok: false });
    expect(await list(event(pageUrl, { url: pageUrl }), {})).toMatchObject({ ok: false });
    expect(isTrustedFrame(null)).toBe(false);
    for (const url of [
      'file:///app/dist/renderer/index.html',
      'app://workbench.evil/index.html',
      'app://evil/index.html',
      'app://workbench/other.html',
      'app://workbench/index.html/../x',
      'http://workbench/index.html',
    ]) {
      expect(await list(event(url), {}), url).toMatchObject({ ok: false });
    }
    expect(await list(event(`${pageUrl}?a=1#b`), {})).toMatchObject({ ok: true });
  });
});
