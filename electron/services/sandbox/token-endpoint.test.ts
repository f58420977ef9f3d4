import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCatalogScopes } from '../../../shared/scope-catalog';
import { SANDBOX_CLIENT_IDS, startSandbox, type Sandbox } from './index';
import { SANDBOX_CASE_CLIENT_IDS } from './sandbox-cases';
import {
  TEST_SECRET,
  basicAuth,
  clientCredentials,
  decodeJwtPayload,
  postForm,
  type TokenResponse,
} from './sandbox-test-helpers';

let sandbox: Sandbox;
let tokenUrl: string;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: TEST_SECRET });
  tokenUrl = `${sandbox.url}/oauth2/token`;
});

afterAll(async () => {
  await sandbox?.close();
});

describe('discovery', () => {
  it('serves OpenID and RFC 8414 metadata with the Celonis paths', async () => {
    for (const path of ['openid-configuration', 'oauth-authorization-server']) {
      const response = await fetch(`${sandbox.url}/.well-known/${path}`);
      expect(response.status).toBe(200);
      const metadata = (await response.json()) as Record<string, unknown>;
      expect(metadata.issuer).toBe(sandbox.url);
      expect(metadata.token_endpoint).toBe(`${sandbox.url}/oauth2/token`);
      expect(metadata.authorization_endpoint).toBe(`${sandbox.url}/oauth2/authorize`);
      expect(metadata.device_authorization_endpoint).toBe(`${sandbox.url}/oauth2/device/auth`);
      expect(metadata.jwks_uri).toBe(`${sandbox.url}/oauth2/jwks`);
      expect(metadata.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'offline_access', ...allCatalogScopes]),
      );
      expect(metadata.token_endpoint_auth_methods_supported).toEqual([
        'client_secret_basic',
        'client_secret_post',
        'none',
      ]);
    }
  });

  it('binds 127.0.0.1 and lists its clients', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.clients.map((c) => c.clientId)).toEqual([
      ...Object.values(SANDBOX_CLIENT_IDS),
      ...Object.values(SANDBOX_CASE_CLIENT_IDS),
    ]);
    const limited = sandbox.clients.find((c) => c.clientId === SANDBOX_CLIENT_IDS.limited);
    expect(limited?.scopes).toEqual(['team.user-group-info:read', 'audit.log:read']);
  });
});

describe('client credentials', () => {
  it('accepts client_secret_basic with RFC 6749 form-encoded id and secret', async () => {
    const { status, body } = await clientCredentials(sandbox.url, 'sandbox-basic', 'studio');
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 899, scope: 'studio' });
    // A JWT access token (RFC 9068) for the sandbox's own APIs.
    const claims = decodeJwtPayload(body.access_token ?? '');
    expect(claims).toMatchObject({
      iss: sandbox.url,
      aud: sandbox.url,
      client_id: 'sandbox-basic',
      scope: 'studio',
    });
  });

  it('rejects the same secret sent raw (not form-encoded) in the Basic header', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: 'client_credentials', scope: 'studio' },
      { authorization: basicAuth('sandbox-basic', TEST_SECRET, false) },
    );
    // '%F' is no valid escape, so oidc-provider cannot decode the pair at all.
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts client_secret_post', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: 'sandbox-post',
      client_secret: TEST_SECRET,
      scope: 'audit.log:read studio',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: 'audit.log:read studio' });
  });

  it('accepts a multipart body, like the platform curl example', async () => {
    const form = new FormData();
    form.set('client_id', 'sandbox-post');
    form.set('client_secret', TEST_SECRET);
    form.set('grant_type', 'client_credentials');
    form.set('scope', 'studio');
    const response = await fetch(tokenUrl, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: 'studio', expires_in: 899 });
  });

  it('accepts grant_type and scope as query parameters, like the Postman example', async () => {
    const response = await fetch(`${tokenUrl}?grant_type=client_credentials&scope=studio`, {
      method: 'POST',
      headers: { authorization: basicAuth('sandbox-basic', TEST_SECRET) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: 'studio' });
  });

  it('answers invalid_client to a wrong secret', async () => {
    const { status, body } = await clientCredentials(sandbox.url, 'sandbox-basic', 'studio', 'no');
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('holds each client to its registered authentication method', async () => {
    const viaPost = await postForm(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: 'sandbox-basic',
      client_secret: TEST_SECRET,
      scope: 'studio',
    });
    expect(viaPost.status).toBe(401);
    expect(await viaPost.json()).toMatchObject({ error: 'invalid_client' });

    const viaBasic = await clientCredentials(sandbox.url, 'sandbox-post', 'studio');
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.body.error).toBe('invalid_client');
  });

  it('answers invalid_scope to a scope outside the catalog', async () => {
    const { status, body } = await clientCredentials(
      sandbox.url,
      'sandbox-basic',
      'studio no-such.scope',
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope', scope: 'no-such.scope' });
  });

  it('grants sandbox-limited its own scopes and refuses the others', async () => {
    const granted = await clientCredentials(sandbox.url, 'sandbox-limited', 'audit.log:read');
    expect(granted.status).toBe(200);
    expect(granted.body.scope).toBe('audit.log:read');

    const refused = await clientCredentials(
      sandbox.url,
      'sandbox-limited',
      'audit.log:read studio',
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: 'invalid_scope',
      error_description: 'requested scope is not allowed',
      scope: 'studio',
    });
  });

  it('gives sandbox-short-lived 15-second tokens', async () => {
    const { body } = await clientCredentials(sandbox.url, 'sandbox-short-lived', 'studio');
    expect(body.expires_in).toBe(15);
    const claims = decodeJwtPayload(body.access_token ?? '');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(15);
  });

  it('issues a token without scope when none is asked for', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: 'client_credentials' },
      { authorization: basicAuth('sandbox-basic', TEST_SECRET) },
    );
    const body = (await response.json()) as TokenResponse;
    expect(response.status).toBe(200);
    expect(body.scope).toBeUndefined();
    expect(decodeJwtPayload(body.access_token ?? '').scope).toBeUndefined();
  });

  it('refuses client credentials to the public client', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: 'client_credentials',
      client_id: 'sandbox-public',
      scope: 'studio',
    });
    const body = (await response.json()) as TokenResponse;
    expect(response.status).toBe(400);
    expect(body.error).toBe('invalid_request');
  });

  it('cannot revoke a JWT access token', async () => {
    const { body } = await clientCredentials(sandbox.url, 'sandbox-basic', 'studio');
    const response = await postForm(
      `${sandbox.url}/oauth2/revoke`,
      { token: body.access_token ?? '' },
      { authorization: basicAuth('sandbox-basic', TEST_SECRET) },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_token_type' });
  });
});
