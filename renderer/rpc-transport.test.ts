// The test stands in for the browser host with a real HTTP server; the renderer itself never
// imports Node modules.
// eslint-disable-next-line no-restricted-imports
import { createServer } from 'node:http';
// eslint-disable-next-line no-restricted-imports
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcTransport, HostUnreachableError, LaunchKeyRejectedError } from './rpc-transport';
import { createWorkbenchApi, WorkbenchCallError } from './workbench-api';

const key = 'k-123';
const seen: { path: string; key: string | undefined; type: string | undefined; body: string }[] =
  [];

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({
      path: req.url ?? '',
      key: req.headers['x-workbench-key'] as string | undefined,
      type: req.headers['content-type'],
      body,
    });
    res.setHeader('content-type', 'application/json');
    if (req.headers['x-workbench-key'] !== key) {
      res.statusCode = 403;
      res.end(JSON.stringify({ ok: false, error: { message: 'wrong key' } }));
    } else if (req.url === '/rpc/saveProfile') {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          ok: false,
          error: { message: 'Client ID is required', field: 'clientId' },
        }),
      );
    } else if (req.url === '/rpc/deleteProfile') {
      res.statusCode = 500;
      res.end('<html>oops</html>');
    } else {
      res.end(JSON.stringify({ ok: true, value: { cancelled: true } }));
    }
  });
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('rpc transport', () => {
  it('posts the input as JSON with the launch key and returns the envelope', async () => {
    const transport = createRpcTransport(key, { baseUrl });
    const envelope = await transport.cancelRequest({ requestId: 'req-12345678' });
    expect(envelope).toEqual({ ok: true, value: { cancelled: true } });
    expect(seen.at(-1)).toEqual({
      path: '/rpc/cancelRequest',
      key,
      type: 'application/json',
      body: '{"requestId":"req-12345678"}',
    });
  });

  it('unwraps errors into WorkbenchCallError with the field', async () => {
    const api = createWorkbenchApi(createRpcTransport(key, { baseUrl }));
    const error = await api
      .saveProfile({ fields: {} as never })
      .catch((e: unknown) => e as WorkbenchCallError);
    expect(error).toBeInstanceOf(WorkbenchCallError);
    expect(error).toMatchObject({ message: 'Client ID is required', field: 'clientId' });
  });

  it('reports a rejected key, a non-envelope answer and an unreachable host', async () => {
    await expect(createRpcTransport('wrong', { baseUrl }).getAppInfo({})).rejects.toBeInstanceOf(
      LaunchKeyRejectedError,
    );
    await expect(
      createRpcTransport(key, { baseUrl }).deleteProfile({ id: 'x' }),
    ).rejects.toBeInstanceOf(HostUnreachableError);
    await expect(
      createRpcTransport(key, { baseUrl: 'http://127.0.0.1:1' }).getAppInfo({}),
    ).rejects.toBeInstanceOf(HostUnreachableError);
  });
});
