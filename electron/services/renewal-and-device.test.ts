import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyProfileFields, pickProfileFields, type ProfileFields } from '../../shared/profile';
import { memoryStore } from './data-store';
import { pause } from './abortable-pause';
import { startSandbox, type Sandbox } from './sandbox';
import { TestBrowser } from './sandbox/sandbox-test-helpers';
import { MemoryVault } from './secret-vault';
import { createServices, type Services } from './services';

const secret = 'p+/=:% q-7Hc9x2LmQ';
let sandbox: Sandbox;
let services: Services;
/** The same services with every pause 50 times shorter: device polls 20 ms per "second". */
let quick: Services;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  services = createServices(memoryStore(), new MemoryVault(null));
  quick = createServices(memoryStore(), new MemoryVault(null), {
    clock: { now: () => Date.now(), pause: (ms, signal) => pause(ms / 50, signal) },
  });
});

afterAll(async () => {
  await services.close();
  await quick.close();
  await sandbox.close();
});

let n = 0;
function profile(over: Partial<ProfileFields>, clientSecret?: string, on = services) {
  return on.profiles.save({
    fields: { ...emptyProfileFields, name: `r-${n++}`, baseUrl: sandbox.url, ...over },
    ...(clientSecret !== undefined ? { clientSecret } : {}),
  });
}

describe('automatic renewal', () => {
  it('renews a 15-second client-credentials token before it expires, then shows a failure once and backs off', async () => {
    const p = await profile(
      { clientId: 'sandbox-short-lived', autoRenew: true, renewLeadSeconds: 60 },
      secret,
    );
    const first = await services.tokens.getToken(p.id, 'renew-first');
    expect(first.token?.expiresIn).toBe(15);
    const state = services.tokens.current(p.id)?.renewal;
    expect(state).toMatchObject({ enabled: true, status: 'scheduled', leadSeconds: 60 });
    // Lead 60 s on a 15 s token: renewal at half the lifetime, never in a loop.
    const delay = (state?.nextAt ?? 0) - (first.token?.receivedAt ?? 0);
    expect(delay).toBeGreaterThanOrEqual(7500);
    expect(delay).toBeLessThan(8500);

    await vi.waitFor(
      () => {
        expect(services.tokens.current(p.id)?.accessToken).not.toBe(first.token?.accessToken);
      },
      { timeout: 15_000, interval: 200 },
    );
    const renewed = services.tokens.current(p.id);
    expect(renewed?.renewal?.status).toBe('scheduled');

    // Now the secret is wrong: the next renewal fails once, says why, and waits 30 s.
    await services.profiles.save({ id: p.id, fields: pickProfileFields(p), clientSecret: 'wrong' });
    await vi.waitFor(() => expect(services.tokens.current(p.id)?.renewal?.status).toBe('failed'), {
      timeout: 15_000,
      interval: 200,
    });
    const failed = services.tokens.current(p.id)?.renewal;
    expect(failed?.lastFailure).toMatch(/invalid_client/);
    expect((failed?.nextAt ?? 0) - Date.now()).toBeGreaterThan(25_000);
  }, 40_000);

  it('is off unless the profile asks for it', async () => {
    const p = await profile({ clientId: 'sandbox-basic' }, secret);
    await services.tokens.getToken(p.id, 'renew-off');
    expect(services.tokens.current(p.id)?.renewal).toMatchObject({ enabled: false, status: 'off' });
  });
});

describe('device authorization grant', () => {
  it('signs the public client in through the verification page while polling', async () => {
    const device = quick.grants.device;
    const p = await profile(
      {
        clientId: 'sandbox-public',
        authMethod: 'none',
        grantType: 'device_code',
        scopes: ['intelligence.knowledge-models:read'],
      },
      undefined,
      quick,
    );
    const start = await device.start(p.id, 'device-start-1');
    expect(start.verificationUri).toBe(`${sandbox.url}/oauth2/device`);
    expect(start.userCode).toBeTruthy();
    const polling = device.poll(start.attemptId, 'device-poll-1');
    const browser = new TestBrowser();
    const codePage = await browser.navigate(start.verificationUriComplete ?? '');
    const done = await browser.signInAndConsent(codePage, () => false);
    expect(done.html).toContain('Device signed in');
    const result = await polling;
    expect(result.failure).toBeNull();
    expect(result.token?.grantedScopes).toEqual(['intelligence.knowledge-models:read']);
    expect(result.request?.body?.text).toBe(
      'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=••••••&client_id=sandbox-public',
    );
  });

  it('honours authorization_pending and slow_down (+5 s), and stops on access_denied', async () => {
    // A server that announces a device endpoint and answers polls from a script.
    const script = ['authorization_pending', 'slow_down', 'ok'];
    const polls: number[] = [];
    let server: Server | null = null;
    server = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(
          JSON.stringify({
            issuer: origin,
            token_endpoint: `${origin}/oauth2/token`,
            device_authorization_endpoint: `${origin}/device`,
          }),
        );
      } else if (req.url === '/device') {
        res.end(
          JSON.stringify({
            device_code: 'dc-1',
            user_code: 'ABCD-EFGH',
            verification_uri: `${origin}/verify`,
            expires_in: 600,
            interval: 1,
          }),
        );
      } else {
        polls.push(performance.now());
        const next = script.shift() ?? 'access_denied';
        if (next === 'ok') res.end(JSON.stringify({ access_token: 't', expires_in: 60 }));
        else res.writeHead(400).end(JSON.stringify({ error: next }));
      }
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const device = quick.grants.device;
    const p = await profile(
      {
        baseUrl: base,
        clientId: 'cli',
        authMethod: 'none',
        grantType: 'device_code',
      },
      undefined,
      quick,
    );
    const start = await device.start(p.id, 'device-start-2');
    expect(start).toMatchObject({ userCode: 'ABCD-EFGH', interval: 1 });
    const result = await device.poll(start.attemptId, 'device-poll-2');
    expect(result.token?.accessToken).toBe('t');
    expect(polls).toHaveLength(3);
    // After slow_down the wait grows from 1 to 6 "seconds" (20 ms each in this test).
    expect((polls[2] ?? 0) - (polls[1] ?? 0)).toBeGreaterThanOrEqual(6 * 20 - 2);

    script.push('access_denied');
    const again = await device.start(p.id, 'device-start-3');
    const denied = await device.poll(again.attemptId, 'device-poll-3');
    expect(denied.failure).toMatchObject({ error: 'access_denied' });
    expect(denied.failure?.hint).toMatch(/denied/);
    await new Promise((r) => server?.close(r));
  });
});
