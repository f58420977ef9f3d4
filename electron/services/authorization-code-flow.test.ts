import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields, type ProfileFields } from '../../shared/profile';
import { decodeJwtClaims } from '../../shared/jwt-claims';
import { memoryStore } from './data-store';
import { startSandbox, type Sandbox } from './sandbox';
import { TestBrowser } from './sandbox/sandbox-test-helpers';
import { MemoryVault } from './secret-vault';
import { createServices, type Services } from './services';
import { RefreshTokenStore } from './refresh-token-store';

// Real oidc-provider sandbox on 127.0.0.1, real loopback receiver, the sign-in driven over HTTP.
const secret = 'p+/=:% q-7Hc9x2LmQ';
let sandbox: Sandbox;
let services: Services;
let vault: MemoryVault;
const opened: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  vault = new MemoryVault(null);
  services = createServices(memoryStore(), vault, {
    openExternal: (url) => {
      opened.push(url);
      return true;
    },
  });
});

afterAll(async () => {
  await services.close();
  await sandbox.close();
});

let n = 0;
async function profile(over: Partial<ProfileFields>, clientSecret: string | undefined = secret) {
  return services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `p-${n++}`,
      baseUrl: sandbox.url,
      clientId: 'sandbox-basic',
      grantType: 'authorization_code',
      scopes: ['team.user-group-info:read'],
      ...over,
    },
    ...(clientSecret !== undefined ? { clientSecret } : {}),
  });
}

/** Plays the user in the system browser: dev login, consent, back to the loopback receiver. */
async function signIn(authorizationUrl: string, redirectUri: string) {
  const browser = new TestBrowser();
  const login = await browser.navigate(authorizationUrl);
  const end = await browser.signInAndConsent(login, () => false);
  expect(end.url.href.startsWith(redirectUri)).toBe(true);
  return end;
}

describe('authorization code with PKCE against oidc-provider', () => {
  it('confidential client (client_secret_basic): code exchange, refresh token kept in the vault, Refresh', async () => {
    const p = await profile({});
    const start = await services.grants.authorizationCode.start(p.id, 'start-basic-1');
    expect(opened).toContain(start.authorizationUrl);
    expect(start.discovery.foundAt).toBe(`${sandbox.url}/.well-known/openid-configuration`);
    const url = new URL(start.authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${sandbox.url}/oauth2/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(start.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const page = await signIn(start.authorizationUrl, start.redirectUri);
    expect(page.html).toContain('Return to Token Workbench');
    const result = await services.grants.authorizationCode.complete(start.attemptId, 'complete-1');
    expect(result.failure).toBeNull();
    expect(result.token).toMatchObject({
      expiresIn: 899,
      grantedScopes: ['team.user-group-info:read'],
      refreshAvailable: true,
    });
    // Exchange: client_secret_basic, scope not sent again, verifier and code masked on screen.
    expect(result.request?.headers.find(([k]) => k === 'Authorization')?.[1]).toBe('Basic ••••••');
    expect(result.request?.body?.text).toMatch(
      /^grant_type=authorization_code&code=••••••&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&code_verifier=••••••$/,
    );
    const refreshToken = await vault.get(RefreshTokenStore.account(p.id));
    expect(refreshToken).toBeTruthy();
    // The refresh token never leaves main: not in the response body shown.
    expect(JSON.stringify(result)).not.toContain(refreshToken);
    // The sandbox's JWT names the client; its Date header agrees with this clock.
    expect(decodeJwtClaims(result.token?.accessToken ?? '')?.payload.client_id).toBe(
      'sandbox-basic',
    );
    expect(Math.abs(result.token?.clockSkewSeconds ?? NaN)).toBeLessThanOrEqual(1);

    const refreshed = await services.tokens.refresh(p.id, 'refresh-basic-1');
    expect(refreshed.failure).toBeNull();
    expect(refreshed.token?.accessToken).not.toBe(result.token?.accessToken);
    expect(refreshed.request?.headers.find(([k]) => k === 'Authorization')?.[1]).toBe(
      'Basic ••••••',
    );
    expect(refreshed.request?.body?.text).toBe('grant_type=refresh_token&refresh_token=••••••');
    expect(JSON.stringify(refreshed)).not.toContain(refreshToken);
  });

  it('confidential client with client_secret_post: refresh sends id and secret in the body', async () => {
    const p = await profile({ clientId: 'sandbox-post', authMethod: 'client_secret_post' });
    const start = await services.grants.authorizationCode.start(p.id, 'start-post-1');
    await signIn(start.authorizationUrl, start.redirectUri);
    const result = await services.grants.authorizationCode.complete(start.attemptId, 'complete-2');
    expect(result.failure).toBeNull();
    const refreshed = await services.tokens.refresh(p.id, 'refresh-post-1');
    expect(refreshed.failure).toBeNull();
    expect(refreshed.request?.headers.some(([k]) => k === 'Authorization')).toBe(false);
    expect(refreshed.request?.body?.text).toBe(
      'grant_type=refresh_token&refresh_token=••••••&client_id=sandbox-post&client_secret=••••••',
    );
  });

  it('public client (authentication method none): PKCE only, refresh with client_id alone', async () => {
    const p = await profile(
      { clientId: 'sandbox-public', authMethod: 'none', scopes: ['audit.log:read'] },
      undefined,
    );
    const start = await services.grants.authorizationCode.start(p.id, 'start-public-1');
    await signIn(start.authorizationUrl, start.redirectUri);
    const result = await services.grants.authorizationCode.complete(start.attemptId, 'complete-3');
    expect(result.failure).toBeNull();
    expect(result.token?.grantedScopes).toEqual(['audit.log:read']);
    expect(result.request?.body?.text).toContain('&client_id=sandbox-public');
    const refreshed = await services.tokens.refresh(p.id, 'refresh-public-1');
    expect(refreshed.failure).toBeNull();
    expect(refreshed.request?.body?.text).toBe(
      'grant_type=refresh_token&refresh_token=••••••&client_id=sandbox-public',
    );
  });

  it('a failed refresh says why and asks to sign in again', async () => {
    const p = await profile({ clientId: 'sandbox-public', authMethod: 'none' }, undefined);
    await vault.set(RefreshTokenStore.account(p.id), 'not-a-refresh-token');
    const r = await services.tokens.refresh(p.id, 'refresh-bad-1');
    expect(r.failure).toMatchObject({
      error: 'invalid_grant',
      title: 'Refresh refused: sign in again',
    });
    expect(await vault.get(RefreshTokenStore.account(p.id))).toBeNull();
    const again = await services.tokens.refresh(p.id, 'refresh-bad-2');
    expect(again.failure).toMatchObject({ step: 'prepare', title: 'No refresh token' });
  });

  it('refuses a callback with a tampered state and exchanges nothing', async () => {
    const p = await profile({});
    const start = await services.grants.authorizationCode.start(p.id, 'start-state-1');
    const callback = new URL(start.redirectUri);
    callback.searchParams.set('code', 'stolen-code');
    callback.searchParams.set('state', 'forged-state');
    const landing = await fetch(callback);
    expect(landing.status).toBe(400);
    expect(landing.headers.get('referrer-policy')).toBe('no-referrer');
    expect(landing.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await landing.text();
    expect(html).toContain('Return to Token Workbench');
    expect(html).not.toMatch(/<(script|img|link)\b/i);
    // The forged callback does not end this sign-in; Cancel does, and nothing was exchanged.
    const pending = services.grants.authorizationCode.complete(start.attemptId, 'complete-4');
    await new Promise((r) => setTimeout(r, 50));
    expect(services.registry.cancel('complete-4')).toBe(true);
    const result = await pending;
    expect(result.request).toBeNull();
    expect(result.failure).toMatchObject({ step: 'authorization', kind: 'cancelled' });
    // The receiver is closed after the attempt.
    await expect(fetch(start.redirectUri)).rejects.toThrow();
  });

  it('shows an error callback as such', async () => {
    const p = await profile({});
    const start = await services.grants.authorizationCode.start(p.id, 'start-err-1');
    const state = new URL(start.authorizationUrl).searchParams.get('state') ?? '';
    const callback = new URL(start.redirectUri);
    callback.search = new URLSearchParams({ error: 'access_denied', state }).toString();
    await fetch(callback);
    const result = await services.grants.authorizationCode.complete(start.attemptId, 'complete-5');
    expect(result.request).toBeNull();
    expect(result.failure).toMatchObject({ kind: 'oauth-error', error: 'access_denied' });
  });

  it('Cancel closes the receiver', async () => {
    const p = await profile({});
    const start = await services.grants.authorizationCode.start(p.id, 'start-cancel-1');
    const pending = services.grants.authorizationCode.complete(start.attemptId, 'complete-cancel');
    expect(services.registry.cancel('complete-cancel')).toBe(true);
    const result = await pending;
    expect(result.failure).toMatchObject({ kind: 'cancelled' });
    await expect(fetch(start.redirectUri)).rejects.toThrow();
  });

  it('uses a fixed redirect port and path from the profile, and names the field when busy', async () => {
    const port = 40000 + Math.floor(Math.random() * 20000);
    const p = await profile({ redirectPort: port, redirectPath: '/oauth/done' });
    const start = await services.grants.authorizationCode.start(p.id, 'start-fixed-1');
    expect(start.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/done`);
    const other = await profile({ redirectPort: port });
    await expect(
      services.grants.authorizationCode.start(other.id, 'start-fixed-2'),
    ).rejects.toMatchObject({
      field: 'redirectPort',
    });
    const pending = services.grants.authorizationCode.complete(start.attemptId, 'complete-fixed');
    services.registry.cancel('complete-fixed');
    await pending;
  });
});
