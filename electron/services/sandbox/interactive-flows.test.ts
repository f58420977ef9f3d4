import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import {
  TEST_SECRET,
  TestBrowser,
  basicAuth,
  decodeJwtPayload,
  firstForm,
  postForm,
  type TokenResponse,
} from './sandbox-test-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: TEST_SECRET });
});

afterAll(async () => {
  await sandbox?.close();
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** Runs the authorization request through dev login and consent; returns the callback URL. */
async function authorize(params: Record<string, string>): Promise<URL> {
  const redirectUri = params.redirect_uri ?? '';
  const atCallback = (location: URL) => location.href.startsWith(redirectUri);
  const browser = new TestBrowser();
  const url = `${sandbox.url}/oauth2/authorize?${new URLSearchParams(params)}`;
  const loginPage = await browser.navigate(url, undefined, atCallback);
  expect(firstForm(loginPage.html)?.inputs).toEqual(['login', 'password']);
  const end = await browser.signInAndConsent(loginPage, atCallback);
  return end.url;
}

describe('authorization code', () => {
  it('works for the public client with PKCE on any loopback port, with a refresh token', async () => {
    const { verifier, challenge } = pkce();
    const redirectUri = 'http://127.0.0.1:53682/callback';
    const callback = await authorize({
      client_id: 'sandbox-public',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid audit.log:read',
      state: 'state-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('iss')).toBe(sandbox.url);
    const code = callback.searchParams.get('code') ?? '';

    const response = await postForm(`${sandbox.url}/oauth2/token`, {
      grant_type: 'authorization_code',
      client_id: 'sandbox-public',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    const tokens = (await response.json()) as TokenResponse;
    expect(response.status).toBe(200);
    expect(tokens.expires_in).toBe(899);
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.id_token).toBeTruthy();
    expect(decodeJwtPayload(tokens.access_token ?? '')).toMatchObject({
      aud: sandbox.url,
      sub: 'ada@example.com',
      client_id: 'sandbox-public',
      scope: 'audit.log:read',
    });

    const api = await fetch(`${sandbox.url}/log/api/external/audit`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(api.status).toBe(200);

    const refreshed = await postForm(`${sandbox.url}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: 'sandbox-public',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ token_type: 'Bearer', expires_in: 899 });
  });

  it('requires PKCE from the public client', async () => {
    const browser = new TestBrowser();
    const redirectUri = 'http://127.0.0.1:41000/callback';
    const params = new URLSearchParams({
      client_id: 'sandbox-public',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'audit.log:read',
    });
    const page = await browser.navigate(
      `${sandbox.url}/oauth2/authorize?${params}`,
      undefined,
      (location) => location.href.startsWith(redirectUri),
    );
    expect(page.url.searchParams.get('error')).toBe('invalid_request');
  });

  it('answers invalid_scope at the redirect URI for an unknown scope', async () => {
    const browser = new TestBrowser();
    const redirectUri = 'http://127.0.0.1:41001/callback';
    const { challenge } = pkce();
    const params = new URLSearchParams({
      client_id: 'sandbox-public',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'audit.log:read made.up',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await browser.navigate(
      `${sandbox.url}/oauth2/authorize?${params}`,
      undefined,
      (location) => location.href.startsWith(redirectUri),
    );
    expect(page.url.searchParams.get('error')).toBe('invalid_scope');
  });

  it('refuses a redirect URI that is not loopback', async () => {
    const params = new URLSearchParams({
      client_id: 'sandbox-public',
      response_type: 'code',
      redirect_uri: 'https://example.com/callback',
      scope: 'audit.log:read',
    });
    const response = await fetch(`${sandbox.url}/oauth2/authorize?${params}`, {
      redirect: 'manual',
    });
    // Not redirectable, so the sandbox's error page says it.
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Token Workbench sandbox');
    expect(html).toContain('invalid_redirect_uri');
  });

  it('works for a confidential client, with its registered authentication method', async () => {
    const redirectUri = 'http://localhost:8123/callback';
    const callback = await authorize({
      client_id: 'sandbox-basic',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'team.user-group-info:read',
    });
    const code = callback.searchParams.get('code') ?? '';
    const response = await postForm(
      `${sandbox.url}/oauth2/token`,
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
      { authorization: basicAuth('sandbox-basic', TEST_SECRET) },
    );
    const tokens = (await response.json()) as TokenResponse;
    expect(response.status).toBe(200);
    expect(tokens.scope).toBe('team.user-group-info:read');
    // Refresh tokens come without offline_access.
    expect(tokens.refresh_token).toBeTruthy();
  });
});

describe('device code', () => {
  it('signs a device in through the verification page', async () => {
    const start = await postForm(`${sandbox.url}/oauth2/device/auth`, {
      client_id: 'sandbox-public',
      scope: 'openid intelligence.knowledge-models:read',
    });
    expect(start.status).toBe(200);
    const device = (await start.json()) as Record<string, string | number>;
    expect(device.verification_uri).toBe(`${sandbox.url}/oauth2/device`);

    const token = () =>
      postForm(`${sandbox.url}/oauth2/token`, {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: 'sandbox-public',
        device_code: String(device.device_code),
      });
    expect(await (await token()).json()).toMatchObject({ error: 'authorization_pending' });

    // Code page (prefilled from verification_uri_complete), confirm, login, consent, success.
    const browser = new TestBrowser();
    const never = () => false;
    const codePage = await browser.navigate(String(device.verification_uri_complete));
    const page = await browser.signInAndConsent(codePage, never);
    expect(page.html).toContain('Device signed in');

    const response = await token();
    const tokens = (await response.json()) as TokenResponse;
    expect(response.status).toBe(200);
    expect(tokens.scope).toContain('intelligence.knowledge-models:read');
    expect(tokens.refresh_token).toBeTruthy();
  });
});
