import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields, pickProfileFields, type ProfileFields } from '../../../shared/profile';
import { MASK } from '../../../shared/mask';
import { memoryStore } from '../data-store';
import type { ProfileService } from '../profile-service';
import { startSandbox, type Sandbox } from '../sandbox';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';
import type { TokenService } from './token-service';

// A secret with every character that breaks Basic encoding one way or the other.
const secret = 'p+/=:% q-7Hc9x2LmQ';
let sandbox: Sandbox;
let profiles: ProfileService;
let tokens: TokenService;
let services: Services;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  services = createServices(memoryStore(), new MemoryVault(null));
  ({ profiles, tokens } = services);
});

afterAll(async () => {
  await services.close();
  await sandbox.close();
});

async function profile(over: Partial<ProfileFields>, clientSecret = secret) {
  return profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `p-${Math.random()}`,
      baseUrl: sandbox.url,
      clientId: 'sandbox-basic',
      scopes: ['team.user-group-info:read'],
      ...over,
    },
    clientSecret,
  });
}

describe('token service against oidc-provider on 127.0.0.1', () => {
  it('client_secret_basic (RFC 6749 encoding) gets an 899-second token with the granted scope', async () => {
    const p = await profile({ authMethod: 'client_secret_basic' });
    const r = await tokens.getToken(p.id, 'request-basic-1');
    expect(r.failure).toBeNull();
    expect(r.token).toMatchObject({
      expiresIn: 899,
      grantedScopes: ['team.user-group-info:read'],
      notGranted: [],
      tokenType: 'Bearer',
      origin: sandbox.url,
    });
    expect(r.request?.url).toBe(`${sandbox.url}/oauth2/token`);
    expect(JSON.stringify(r.request)).not.toContain('p+/=');
    expect(r.basicDecoded).toBe(`sandbox-basic:${MASK}`);
    expect(tokens.current(p.id)?.accessToken).toBe(r.token?.accessToken);
  });

  it('client_secret_post gets a token, with the secret masked in the wire view', async () => {
    const p = await profile({ clientId: 'sandbox-post', authMethod: 'client_secret_post' });
    const r = await tokens.getToken(p.id, 'request-post-1');
    expect(r.failure).toBeNull();
    expect(r.token?.accessToken).toBeTruthy();
    expect(r.request?.body?.text).toContain(`client_secret=${MASK}`);
    expect(JSON.stringify(r)).not.toContain('q-7Hc9x2LmQ');
  });

  it('raw Basic encoding of the same secret is refused by this RFC-following server', async () => {
    const p = await profile({ basicEncoding: 'raw' });
    const r = await tokens.getToken(p.id, 'request-raw-1');
    // The secret holds '%': sent raw, the server cannot form-decode it.
    expect(r.failure).toMatchObject({ kind: 'oauth-error', error: 'invalid_request' });
    expect(r.failure?.message).toMatch(/not properly encoded/);
  });

  it('a wrong secret is shown as invalid_client, with the fix', async () => {
    const p = await profile({}, 'not-the-secret');
    const r = await tokens.getToken(p.id, 'request-wrong-1');
    expect(r.response?.status).toBe(401);
    expect(r.failure).toMatchObject({ kind: 'oauth-error', error: 'invalid_client' });
    expect(r.failure?.hint).toMatch(/Regenerate secret/);
    expect(JSON.stringify(r)).not.toContain('not-the-secret');
  });

  it('an unknown scope is named by the server', async () => {
    const p = await profile({ scopes: ['no-such.scope:read'] });
    const r = await tokens.getToken(p.id, 'request-scope-1');
    expect(r.failure).toMatchObject({ kind: 'oauth-error', error: 'invalid_scope' });
    expect(r.failure?.hint).toMatch(/Admin & Settings > Applications/);
  });

  it('a scope not on the client is refused', async () => {
    const p = await profile({ clientId: 'sandbox-limited', scopes: ['studio'] });
    const r = await tokens.getToken(p.id, 'request-scope-2');
    expect(r.failure?.error).toBe('invalid_scope');
  });

  it('says what is missing before sending anything', async () => {
    const p = await profile({});
    await profiles.save({ id: p.id, fields: pickProfileFields(p), clientSecret: null });
    const r = await tokens.getToken(p.id, 'request-nosecret');
    expect(r.request).toBeNull();
    expect(r.failure).toMatchObject({ step: 'prepare', title: 'No client secret' });
  });
});
