import { describe, expect, it } from 'vitest';
import { goodHeaders, openRaw, rawCall, readUntilClosed, rpcHead } from './test-host';
import { testHostForFile } from './test-host-for-file';

// Issue 10, defects 1 and 2: an aborted upload must end that request only, and an oversized body
// gets a 413 with a reason (not a reset). Real host on 127.0.0.1, raw sockets.
const t = testHostForFile();

async function stillAnswers(): Promise<void> {
  const res = await rawCall(t.host.port, {
    method: 'POST',
    path: '/rpc/listProfiles',
    headers: goodHeaders(t.host),
    body: '{}',
  });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ ok: true });
}

/** Sends `ops` a head announcing `announced` bytes, `sent` bytes of it, then closes or resets. */
async function abortUpload(op: string, announced: number, sent: string, how: 'end' | 'reset') {
  const socket = await openRaw(t.host.port, rpcHead(t.host, op, announced) + sent);
  const closed = readUntilClosed(socket);
  if (how === 'reset') socket.resetAndDestroy();
  else socket.end();
  await closed;
}

describe('aborted uploads (defect 1)', () => {
  it('keeps serving after POST /rpc/importProfiles announces 100000 bytes, sends 9 and closes', async () => {
    await abortUpload('importProfiles', 100_000, '{"text":"', 'end');
    await stillAnswers();
  });

  it('keeps serving after the client resets the connection mid-body', async () => {
    await abortUpload('importProfiles', 100_000, '{"text":"', 'reset');
    await stillAnswers();
  });

  it('keeps serving after many aborted uploads on several operations at once', async () => {
    const ops = ['importProfiles', 'saveProfile', 'updateSettings', 'sendRequest', 'listProfiles'];
    await Promise.all(
      ops.flatMap((op, i) =>
        [0, 1, 2, 3].map((n) =>
          abortUpload(op, 50_000 + n, '{"x":', (i + n) % 2 ? 'end' : 'reset'),
        ),
      ),
    );
    await stillAnswers();
  });

  it('keeps serving after a client closes before the answer of a slow call is written', async () => {
    const body = '{}';
    const socket = await openRaw(
      t.host.port,
      rpcHead(t.host, 'exportProfiles', body.length) + body,
    );
    socket.resetAndDestroy();
    await stillAnswers();
  });
});

describe('oversized bodies (defect 2)', () => {
  const limit = 12 * 1024 * 1024;

  it('answers 413 with a one-line reason when the body grows past the limit, then closes cleanly', async () => {
    // No Content-Length: the body is chunked, so the host only learns the size while reading.
    const socket = await openRaw(
      t.host.port,
      rpcHead(t.host, 'importProfiles', 0)
        .replace('Content-Length: 0', 'Transfer-Encoding: chunked')
        .toString(),
    );
    const closed = readUntilClosed(socket);
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 14 && !socket.destroyed; i++) {
      await new Promise<void>((resolve) => {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n', () => resolve());
        socket.once('error', () => resolve());
      });
    }
    if (!socket.destroyed) socket.end('0\r\n\r\n');
    const { text, reset } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    const body = text.split('\r\n\r\n')[1] ?? '';
    expect(body.trim()).toMatch(/^Request body is larger than 12 MB\.?$/);
    expect(reset).toBe(false);
    await stillAnswers();
  });

  it('answers 413 at once for a Content-Length above the limit', async () => {
    const res = await rawCall(t.host.port, {
      method: 'POST',
      path: '/rpc/importProfiles',
      headers: { ...goodHeaders(t.host), 'content-length': String(limit + 1) },
      body: Buffer.alloc(limit + 1, 'b'),
    });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.body.split('\n').filter(Boolean)).toHaveLength(1);
    await stillAnswers();
  });

  it('still takes a body just under the limit', async () => {
    const text = 'x'.repeat(1000);
    const res = await rawCall(t.host.port, {
      method: 'POST',
      path: '/rpc/importProfiles',
      headers: goodHeaders(t.host),
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
    expect(typeof (JSON.parse(res.body) as { ok: unknown }).ok).toBe('boolean');
  });
});
