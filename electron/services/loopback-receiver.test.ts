import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_OPEN_RECEIVERS,
  openReceiverCount,
  startLoopbackReceiver,
  type LoopbackReceiver,
} from './loopback-receiver';

// Issue 10, defect 5: the loopback redirect receiver over real HTTP on 127.0.0.1.
const started: LoopbackReceiver[] = [];
const STATE = 'state-of-this-attempt-0123456789';

async function receiver(timeoutMs = 60_000): Promise<LoopbackReceiver> {
  const r = await startLoopbackReceiver({ port: 0, path: '/callback', state: STATE, timeoutMs });
  started.push(r);
  return r;
}

afterEach(() => {
  for (const r of started.splice(0)) r.close();
});

/** A GET with exactly this Host header. */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: `${u.pathname}${u.search}`,
        headers: { host: host ?? u.host },
        setHost: false,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function callback(r: LoopbackReceiver, params: Record<string, string>): string {
  const u = new URL(r.redirectUri);
  u.search = new URLSearchParams(params).toString();
  return u.toString();
}

/** Whether the attempt has ended: `wait` settles at once with a settled outcome, else 'pending'. */
async function settledYet(r: LoopbackReceiver): Promise<string> {
  const mark = Symbol('pending');
  const first = await Promise.race([
    r.wait(new AbortController().signal),
    new Promise<typeof mark>((resolve) => setImmediate(() => resolve(mark))),
  ]);
  return first === mark ? 'pending' : first.kind;
}

describe('loopback redirect receiver', () => {
  it.each([
    ['a foreign name', 'evil.example'],
    ['a foreign name with the port', 'evil.example:PORT'],
    ['localhost (it listens on 127.0.0.1 only)', 'localhost:PORT'],
    ['0.0.0.0', '0.0.0.0:PORT'],
    ['a decimal IP', '2130706433:PORT'],
    ['a trailing dot', '127.0.0.1.:PORT'],
    ['another port', '127.0.0.1:1'],
  ])('refuses Host %s and keeps the attempt open', async (_name, hostTemplate) => {
    const r = await receiver();
    const port = new URL(r.redirectUri).port;
    const res = await get(
      callback(r, { code: 'c', state: STATE }),
      hostTemplate.replace('PORT', port),
    );
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('Signed in');
    expect(await settledYet(r)).toBe('pending');
  });

  it('a callback with a wrong or missing state is refused and does not end the sign-in', async () => {
    const r = await receiver();
    const forged: Record<string, string>[] = [
      { code: 'stolen', state: 'forged-state' },
      { error: 'access_denied', state: 'forged-state' },
      { code: 'stolen' },
      { state: `${STATE}x`, code: 'c' },
    ];
    for (const params of forged) {
      const res = await get(callback(r, params));
      expect(res.status).toBe(400);
      expect(res.body).toContain('Callback refused');
      expect(res.body).not.toContain('stolen');
      expect(await settledYet(r)).toBe('pending');
    }
    // The real callback still gets through afterwards.
    const ok = await get(callback(r, { code: 'the-code', state: STATE }));
    expect(ok.status).toBe(200);
    expect(ok.body).not.toContain('the-code');
    expect(await r.wait(new AbortController().signal)).toEqual({ kind: 'code', code: 'the-code' });
    await expect(get(r.redirectUri)).rejects.toThrow();
  });

  it('an error callback with the right state ends the attempt as that error', async () => {
    const r = await receiver();
    await get(callback(r, { error: 'access_denied', state: STATE }));
    expect(await r.wait(new AbortController().signal)).toMatchObject({
      kind: 'error',
      error: 'access_denied',
    });
  });

  it("the user's Cancel ends the attempt and closes the port", async () => {
    const r = await receiver();
    const controller = new AbortController();
    const pending = r.wait(controller.signal);
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
    await expect(get(r.redirectUri)).rejects.toThrow();
  });

  it('a receiver nobody completes closes after its timeout', async () => {
    const r = await receiver(50);
    expect(await r.wait(new AbortController().signal)).toEqual({ kind: 'timeout' });
    await expect(get(r.redirectUri)).rejects.toThrow();
    expect(openReceiverCount()).toBe(0);
  });

  it(`keeps at most ${MAX_OPEN_RECEIVERS} open at once: the oldest is closed`, async () => {
    const many: LoopbackReceiver[] = [];
    for (let i = 0; i < MAX_OPEN_RECEIVERS + 3; i++) many.push(await receiver());
    expect(openReceiverCount()).toBe(MAX_OPEN_RECEIVERS);
    for (const old of many.slice(0, 3)) {
      expect(await old.wait(new AbortController().signal)).toEqual({ kind: 'cancelled' });
      await expect(get(old.redirectUri)).rejects.toThrow();
    }
    for (const young of many.slice(3)) expect(await settledYet(young)).toBe('pending');
  });
});
