import fc from 'fast-check';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  operationNames,
  RPC_SOCKET_MAX_IN_FLIGHT,
  RPC_SOCKET_MESSAGE_MAX,
  RPC_SOCKET_PATH,
} from '../../shared/operations';
import { FUZZ_SEED } from '../fuzz/fuzz-settings';
import { emptyProfileFields } from '../../shared/profile';
import { createRpcSocket, SOCKET_CLOSE, SOCKET_MAX_OPEN } from './rpc-socket';
import { goodHeaders, profileThatNeverAnswers, rawCall } from './test-host';
import { testHostForFile } from './test-host-for-file';

// The browser host's RPC socket, with a real WebSocket client whose Host and Origin are exactly
// what each test says: the same checks as POST /rpc/<name>, then calls through the same dispatch.
const t = testHostForFile();

const self = () => `http://127.0.0.1:${t.host.port}`;

interface Opened {
  ws: WebSocket;
  messages: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  next(): Promise<unknown>;
}

/** Opens a socket with these headers; resolves once open, or with the HTTP status it got. */
function open(headers: Record<string, string> = {}): Promise<Opened | { status: number }> {
  const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}${RPC_SOCKET_PATH}`, {
    headers: { origin: self(), ...headers },
  });
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const m: unknown = JSON.parse(String(data));
    const w = waiters.shift();
    if (w) w(m);
    else messages.push(m);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const next = () =>
    messages.length > 0
      ? Promise.resolve(messages.shift())
      : new Promise<unknown>((resolve) => waiters.push(resolve));
  return new Promise((resolve) => {
    ws.on('open', () => resolve({ ws, messages, closed, next }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => undefined);
  });
}

async function ready(): Promise<Opened> {
  const s = await open();
  if (!('ws' in s)) throw new Error(`refused with ${s.status}`);
  s.ws.send(JSON.stringify({ key: t.host.key }));
  expect(await s.next()).toEqual({ ready: true });
  return s;
}

describe('RPC socket: who may open it', () => {
  it('refuses a foreign Origin, a missing Origin and a wrong Host, as POST /rpc does', async () => {
    expect(await open({ origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await open({ origin: '' })).toEqual({ status: 403 });
    expect(await open({ host: `evil.example:${t.host.port}` })).toEqual({ status: 421 });
  });

  it('refuses an upgrade on any other path', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}/rpc/listProfiles`, {
      headers: { origin: self() },
    });
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });

  it('closes with 4401 on a wrong launch key, and takes no call before the key', async () => {
    const wrong = await open();
    if (!('ws' in wrong)) throw new Error('refused');
    wrong.ws.send(JSON.stringify({ key: `${t.host.key}x` }));
    expect((await wrong.closed).code).toBe(SOCKET_CLOSE.key);

    const early = await open();
    if (!('ws' in early)) throw new Error('refused');
    early.ws.send(JSON.stringify({ id: 1, op: 'listProfiles', input: {} }));
    expect((await early.closed).code).toBe(SOCKET_CLOSE.key);
    expect(early.messages).toEqual([]);
  });

  it(`refuses more than ${SOCKET_MAX_OPEN} sockets at once, and takes one again after a close`, async () => {
    const sockets = await Promise.all(Array.from({ length: SOCKET_MAX_OPEN }, () => open()));
    expect(sockets.every((s) => 'ws' in s)).toBe(true);
    expect(await open()).toEqual({ status: 503 });
    for (const s of sockets) if ('ws' in s) s.ws.close();
    await Promise.all(sockets.map((s) => ('ws' in s ? s.closed : null)));
    const again = await ready();
    again.ws.close();
  });
});

describe('RPC socket: calls', () => {
  it('answers a call with the envelope POST /rpc gives for it', async () => {
    const s = await ready();
    s.ws.send(JSON.stringify({ id: 7, op: 'listProfiles', input: {} }));
    const posted = await rawCall(t.host.port, {
      method: 'POST',
      path: '/rpc/listProfiles',
      headers: goodHeaders(t.host),
      body: '{}',
    });
    expect(await s.next()).toEqual({ id: 7, envelope: JSON.parse(posted.body) });
    s.ws.send(JSON.stringify({ id: 8, op: 'saveProfile', input: { fields: {} } }));
    const refused = (await s.next()) as { id: number; envelope: { ok: boolean } };
    expect(refused.id).toBe(8);
    expect(refused.envelope.ok).toBe(false);
    s.ws.close();
  });

  it('answers an unknown operation with an error, and the socket goes on', async () => {
    const s = await ready();
    s.ws.send(JSON.stringify({ id: 1, op: 'constructor', input: {} }));
    expect(await s.next()).toEqual({
      id: 1,
      envelope: { ok: false, error: { message: 'Unknown operation "constructor"' } },
    });
    s.ws.send(JSON.stringify({ id: 2, op: 'listProfiles' }));
    expect(await s.next()).toEqual({ id: 2, envelope: { ok: true, value: [] } });
    s.ws.close();
  });

  it(`answers calls beyond ${RPC_SOCKET_MAX_IN_FLIGHT} at once "too many", not queued`, async () => {
    const held = await profileThatNeverAnswers(t.services);
    const s = await ready();
    const n = RPC_SOCKET_MAX_IN_FLIGHT + 5;
    for (let id = 1; id <= n; id++) {
      const input = { profileId: held.profileId, requestId: `held-${id}-request` };
      s.ws.send(JSON.stringify({ id, op: 'getDiscovery', input }));
    }
    const busy = [];
    for (let i = 0; i < 5; i++) busy.push((await s.next()) as { id: number; envelope: unknown });
    expect(busy.map((b) => b.id)).toEqual([65, 66, 67, 68, 69]);
    expect(busy[0]?.envelope).toMatchObject({ ok: false, error: { message: /Too many calls/ } });
    for (let id = 1; id <= RPC_SOCKET_MAX_IN_FLIGHT; id++)
      t.services.registry.cancel(`held-${id}-request`);
    const after = (await s.next()) as { id: number };
    expect(after.id).toBeLessThanOrEqual(RPC_SOCKET_MAX_IN_FLIGHT);
    s.ws.close();
    held.close();
  });

  it('runs nothing that came after a frame that closed the socket', async () => {
    const s = await ready();
    const fields = {
      ...emptyProfileFields,
      name: 'after the close',
      baseUrl: 'https://t.example',
      clientId: 'after-close-client',
    };
    s.ws.send('[1,2]');
    s.ws.send(JSON.stringify({ id: 1, op: 'saveProfile', input: { fields, clientSecret: 'x-1' } }));
    expect((await s.closed).code).toBe(SOCKET_CLOSE.notCall);
    const list = await rawCall(t.host.port, {
      method: 'POST',
      path: '/rpc/listProfiles',
      headers: goodHeaders(t.host),
      body: '{}',
    });
    expect(list.body).not.toContain('after the close');
    expect(s.messages).toEqual([]);
  });

  it.each([
    ['a binary frame', (ws: WebSocket) => ws.send(Buffer.from('{}'), { binary: true }), 1003],
    ['text that is not JSON', (ws: WebSocket) => ws.send('{"id":1,'), SOCKET_CLOSE.notJson],
    ['JSON that is not a call', (ws: WebSocket) => ws.send('[1,2]'), SOCKET_CLOSE.notCall],
    [
      'an id that is not a whole number',
      (ws: WebSocket) => ws.send('{"id":1.5,"op":"listProfiles"}'),
      1008,
    ],
    [
      'a message over the size limit',
      (ws: WebSocket) => ws.send('x'.repeat(4 * RPC_SOCKET_MESSAGE_MAX + 1)),
      1009,
    ],
  ])('closes the socket on %s, and the host still answers', async (_name, send, code) => {
    const s = await ready();
    send(s.ws);
    expect((await s.closed).code).toBe(code);
    const other = await ready();
    other.ws.send(JSON.stringify({ id: 1, op: 'listProfiles' }));
    expect(await other.next()).toMatchObject({ id: 1, envelope: { ok: true } });
    other.ws.close();
  });
});

describe('RPC socket: the launch key must come in time', () => {
  it('closes a socket that sends nothing with 4401 after the wait', async () => {
    const server = createHttpServer();
    const rpc = createRpcSocket({
      handlers: t.handlers,
      port: () => (server.address() as AddressInfo).port,
      key: 'the-key',
      keyWaitMs: 50,
    });
    server.on('upgrade', (req, socket, head) => rpc.upgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}${RPC_SOCKET_PATH}`, {
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    const closed = await new Promise<number>((resolve) => ws.on('close', resolve));
    expect(closed).toBe(SOCKET_CLOSE.key);
    rpc.close();
    await new Promise((r) => server.close(r));
  });
});

describe('RPC socket: any frame', () => {
  const frames = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 3 }),
    fc
      .record({
        id: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        op: fc.oneof(fc.constantFrom(...operationNames), fc.string({ maxLength: 40 })),
        input: fc.jsonValue({ maxDepth: 3 }),
      })
      .map((call) => JSON.stringify(call)),
  );

  it('is answered with an envelope or closes that socket with a named code; the host goes on', async () => {
    const s = await ready();
    let socket = s;
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (socket.ws.readyState !== WebSocket.OPEN) socket = await ready();
        const answered = socket.next().then((m) => ({ answer: m }));
        const closed = socket.closed.then((c) => ({ closed: c.code }));
        socket.ws.send(frame);
        const call = (() => {
          try {
            return JSON.parse(frame) as { id?: unknown; op?: unknown };
          } catch {
            return null;
          }
        })();
        const isCall = Number.isSafeInteger(call?.id) && typeof call?.op === 'string';
        const outcome = await Promise.race([answered, closed]);
        if (!isCall) return 'closed' in outcome && [1007, 1008].includes(outcome.closed);
        if (!('answer' in outcome)) return false;
        const a = outcome.answer as { id: unknown; envelope: { ok: unknown } };
        return a.id === call?.id && typeof a.envelope.ok === 'boolean';
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
    if (socket.ws.readyState === WebSocket.OPEN) socket.ws.close();
    const after = await ready();
    after.ws.send(JSON.stringify({ id: 1, op: 'getAppInfo' }));
    expect(await after.next()).toMatchObject({ id: 1, envelope: { ok: true } });
    after.ws.close();
  });
});
