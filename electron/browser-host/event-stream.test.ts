import { mkdtempSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS_PATH } from '../../shared/events';
import { createFrameReader, type EventFrame } from '../../shared/event-frames';
import { LAUNCH_KEY_HEADER } from '../../shared/operations';
import { createHandlers } from '../handlers';
import { memoryStore } from '../services/data-store';
import { MemoryVault } from '../services/secret-vault';
import { createServices, type Services } from '../services/services';
import { startBrowserHost, type BrowserHost } from './server';

let services: Services;
let host: BrowserHost;

beforeAll(async () => {
  services = createServices(memoryStore(), new MemoryVault(null));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'twb-events-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const handlers = createHandlers(services, () => ({
    host: 'browser',
    version: 'test',
    dataDir: staticDir,
    secretStorage: 'memory',
    keychainProblem: null,
  }));
  host = await startBrowserHost({ handlers, staticDir, events: services.eventFeed });
});

afterAll(async () => {
  await host.close();
  await services.close();
});

function open(headers: Record<string, string>, method = 'POST') {
  return new Promise<{ res: IncomingMessage; frames: EventFrame[]; text: () => string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: EVENTS_PATH, method, headers },
        (res) => {
          const reader = createFrameReader();
          const frames: EventFrame[] = [];
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            frames.push(...reader.push(c));
          });
          resolve({ res, frames, text: () => text });
        },
      );
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    },
  );
}

const good = () => ({
  host: `127.0.0.1:${host.port}`,
  origin: `http://127.0.0.1:${host.port}`,
  'content-type': 'application/json',
  [LAUNCH_KEY_HEADER]: host.key,
});

describe('browser host event stream', () => {
  it('sends a snapshot first, then every published event, and cleans up on disconnect', async () => {
    const before = services.events.listenerCount;
    const { res, frames } = await open(good());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    await vi.waitFor(() => expect(frames.map((f) => f.event)).toContain('sandboxStatus'));
    expect(JSON.parse(frames[0]?.data ?? '{}')).toEqual({ running: false, url: null });
    const state = { profileId: 'p1', token: null, lastAttempt: null };
    services.events.publish('tokenState', state);
    await vi.waitFor(() => expect(frames.map((f) => f.event)).toContain('tokenState'));
    expect(JSON.parse(frames.at(-1)?.data ?? '{}')).toEqual(state);
    expect(services.events.listenerCount).toBe(before + 1);
    res.destroy();
    await vi.waitFor(() => expect(services.events.listenerCount).toBe(before));
  });

  it('applies the /rpc checks: launch key header, Origin, Host; GET is refused', async () => {
    const noKey: Record<string, string> = good();
    delete noKey[LAUNCH_KEY_HEADER];
    expect((await open(noKey)).res.statusCode).toBe(401);
    expect((await open({ ...good(), [LAUNCH_KEY_HEADER]: 'wrong' })).res.statusCode).toBe(401);
    expect((await open({ ...good(), origin: 'http://evil.example' })).res.statusCode).toBe(403);
    const noOrigin: Record<string, string> = good();
    delete noOrigin.origin;
    expect((await open(noOrigin)).res.statusCode).toBe(403);
    expect((await open({ ...good(), host: `evil.example:${host.port}` })).res.statusCode).toBe(421);
    expect((await open(good(), 'GET')).res.statusCode).toBe(405);
    const refused = await open({ ...good(), [LAUNCH_KEY_HEADER]: 'wrong' });
    await vi.waitFor(() => expect(refused.res.complete).toBe(true));
    expect(refused.text()).not.toContain('event:');
  });
});
