import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { TEST_SECRET, TestBrowser, accessToken } from './sandbox-test-helpers';

const started: Sandbox[] = [];

async function start(port?: number): Promise<Sandbox> {
  const sandbox = await startSandbox({ clientSecret: TEST_SECRET, port });
  started.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  vi.restoreAllMocks();
});

function portOf(sandbox: Sandbox): number {
  return Number(new URL(sandbox.url).port);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startSandbox', () => {
  it('refuses to start without a client secret', async () => {
    await expect(startSandbox({ clientSecret: '' })).rejects.toThrow(/client secret/);
  });

  it('close() drops open connections promptly and frees the port for a new sandbox', async () => {
    const first = await start();
    const port = portOf(first);
    // A keep-alive connection stays open after this request.
    await accessToken(first.url, 'sandbox-basic', 'studio');

    const began = Date.now();
    await first.close();
    await first.close();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(await canConnect(port)).toBe(false);

    const second = await start(port);
    expect(second.url).toBe(`http://127.0.0.1:${port}`);
    const discovery = await fetch(`${second.url}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(second.url);
  });

  it('fails when the port is taken', async () => {
    const first = await start();
    await expect(startSandbox({ clientSecret: TEST_SECRET, port: portOf(first) })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });

  it('keeps oidc-provider development notices and the secret off the console', async () => {
    const lines: string[] = [];
    const record = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation(record);
    }
    const sandbox = await start();
    await accessToken(sandbox.url, 'sandbox-basic', 'studio');
    await new TestBrowser().navigate(
      `${sandbox.url}/oauth2/authorize?client_id=sandbox-basic&response_type=code&scope=studio&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/callback')}`,
      undefined,
      () => false,
    );
    expect(lines.filter((line) => line.includes('oidc-provider'))).toEqual([]);
    expect(lines.filter((line) => line.includes(TEST_SECRET))).toEqual([]);
  });
});
