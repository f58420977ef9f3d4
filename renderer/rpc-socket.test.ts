// The test stands in for the page with the `ws` package's WebSocket against a real browser host;
// the renderer itself never imports Node modules.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RPC_SOCKET_MAX_IN_FLIGHT, RPC_SOCKET_MESSAGE_MAX } from '../shared/operations';
import { emptyProfileFields } from '../shared/profile';
import type { SocketFactory, SocketLike } from './rpc-socket';
import { createRpcTransport, HostUnreachableError, LaunchKeyRejectedError } from './rpc-transport';
// eslint-disable-next-line no-restricted-imports
import { profileThatNeverAnswers } from '../electron/browser-host/test-host';
// eslint-disable-next-line no-restricted-imports
import { testHostForFile } from '../electron/browser-host/test-host-for-file';

const t = testHostForFile();

/** A socket factory that records what the page sent over the socket, and can cut it. */
function recordingSockets() {
  const sent: string[] = [];
  let last: WebSocket | null = null;
  const make: SocketFactory = (url) => {
    const ws = new WebSocket(url, { headers: { origin: `http://127.0.0.1:${t.host.port}` } });
    last = ws;
    ws.on('error', () => undefined);
    const socket: SocketLike = {
      get readyState() {
        return ws.readyState;
      },
      send: (data) => {
        sent.push(data);
        ws.send(data);
      },
      close: (code, reason) => ws.close(code, reason),
      addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
        if (type === 'message') ws.on('message', (data) => listener({ data: String(data) }));
        else ws.on(type, () => listener({ data: undefined }));
      },
    };
    return socket;
  };
  return { make, sent, cut: () => last?.terminate() };
}

const baseUrl = () => `http://127.0.0.1:${t.host.port}`;
/** fetch with the Origin the page's own fetch sends. */
const pageFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, headers: { ...(init?.headers as object), origin: baseUrl() } });
const opened = (sent: string[]) =>
  expect.poll(() => sent.length, { timeout: 5000 }).toBeGreaterThan(0);
/** A transport whose socket has taken a call (the first calls may be posted while it opens). */
async function overTheSocket() {
  const s = recordingSockets();
  const transport = createRpcTransport(t.host.key, {
    baseUrl: baseUrl(),
    socket: s.make,
    fetch: pageFetch,
  });
  await expect
    .poll(async () => {
      await transport.listProfiles({});
      return calls(s.sent).length;
    })
    .toBeGreaterThan(0);
  return { s, transport };
}
const calls = (sent: string[]) => sent.slice(1).map((m) => (JSON.parse(m) as { op: string }).op);

describe('rpc transport over the host socket', () => {
  it('sends the key first, then calls over the socket once the host took the key', async () => {
    const { s, transport } = await overTheSocket();
    await opened(s.sent);
    expect(JSON.parse(s.sent[0] ?? '')).toEqual({ key: t.host.key });
    const saved = await transport.saveProfile({
      fields: {
        ...emptyProfileFields,
        name: 'over the socket',
        baseUrl: 'https://team.example.com',
        clientId: 'socket-client',
      },
      clientSecret: 'socket-secret-1',
    });
    expect(saved, JSON.stringify(saved)).toMatchObject({
      ok: true,
      value: { name: 'over the socket' },
    });
    expect(calls(s.sent)).toContain('saveProfile');
    const refused = await transport.saveProfile({ fields: { name: '' } } as never);
    expect(refused.ok).toBe(false);
  });

  it('posts a call too large for the socket, and the host answers it the HTTP way', async () => {
    const { s, transport } = await overTheSocket();
    const before = s.sent.length;
    const big = 'n'.repeat(RPC_SOCKET_MESSAGE_MAX);
    const answer = await transport.renameProfile({ profileId: 'p-unknown-1', name: big });
    expect(answer.ok).toBe(false);
    expect(s.sent.length).toBe(before);
  });

  it('fails a call in flight when the socket drops, and posts the calls after it', async () => {
    const { s, transport } = await overTheSocket();
    const inFlight = transport.listHistory({});
    s.cut();
    await expect(inFlight).rejects.toBeInstanceOf(HostUnreachableError);
    const after = s.sent.length;
    expect(await transport.listProfiles({})).toMatchObject({ ok: true });
    expect(s.sent.length).toBe(after);
  });

  it(`posts the calls beyond ${RPC_SOCKET_MAX_IN_FLIGHT} in flight on the socket`, async () => {
    const held = await profileThatNeverAnswers(t.services);
    const { s, transport } = await overTheSocket();
    const before = calls(s.sent).length;
    const ids = Array.from({ length: RPC_SOCKET_MAX_IN_FLIGHT + 6 }, (_, i) => `held-${i}-request`);
    const pending = ids.map((requestId) =>
      transport.getDiscovery({ profileId: held.profileId, requestId }),
    );
    expect(calls(s.sent).length - before).toBe(RPC_SOCKET_MAX_IN_FLIGHT);
    await expect.poll(() => t.services.registry.size).toBe(ids.length);
    for (const id of ids) t.services.registry.cancel(id);
    const answers = await Promise.all(pending);
    expect(answers.every((a) => 'ok' in a)).toBe(true);
    held.close();
  });

  it('with a wrong key: the socket is closed, and the posted calls are refused', async () => {
    const s = recordingSockets();
    const transport = createRpcTransport(`${t.host.key}-old`, {
      baseUrl: baseUrl(),
      socket: s.make,
      fetch: pageFetch,
    });
    await opened(s.sent);
    await expect(transport.listProfiles({})).rejects.toBeInstanceOf(LaunchKeyRejectedError);
    expect(calls(s.sent)).toEqual([]);
  });
});
