import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_DENIED_BODY } from './api-responses';
import { SANDBOX_CASE_CLIENT_IDS } from './sandbox-cases';
import { createSandbox, type Sandbox } from './sandbox-server';
import { EXPIRED_SECRET_DESCRIPTION } from './secret-rotation';
import {
  TEST_SECRET,
  accessToken,
  basicAuth,
  clientCredentials,
  postForm,
} from './sandbox-test-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ clientSecret: TEST_SECRET });
});

afterAll(async () => {
  await sandbox?.close();
});

async function get(path: string, token: string) {
  const res = await fetch(`${sandbox.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, text: await res.text() };
}

describe('sandbox client-check cases', () => {
  it('sandbox-no-permission: members answer 200, login history 403 Access Denied', async () => {
    const token = await accessToken(
      sandbox.url,
      SANDBOX_CASE_CLIENT_IDS.noPermission,
      'team.user-group-info:read team.login-history:read',
    );
    expect((await get('/api/external/members', token)).status).toBe(200);
    const denied = await get('/api/external/authentication-events', token);
    expect(denied.status).toBe(403);
    expect(JSON.parse(denied.text)).toEqual(ACCESS_DENIED_BODY);
  });

  it('sandbox-api-off: the audit log answers 403 with an empty body', async () => {
    const token = await accessToken(
      sandbox.url,
      SANDBOX_CASE_CLIENT_IDS.apiOff,
      'team.user-group-info:read audit.log:read',
    );
    const off = await get('/log/api/external/audit', token);
    expect(off).toEqual({ status: 403, text: '' });
    expect((await get('/api/external/members', token)).status).toBe(200);
  });

  it('other clients keep their answers (the cases are per client)', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    expect((await get('/log/api/external/audit', token)).status).toBe(200);
  });

  it('sandbox-rotating: after Regenerate secret the old secret is expired and the new one works, basic and post', async () => {
    const id = SANDBOX_CASE_CLIENT_IDS.rotating;
    const scope = 'team.user-group-info:read';
    expect((await clientCredentials(sandbox.url, id, scope)).status).toBe(200);
    const fresh = sandbox.regenerateClientSecret(id);
    expect(fresh).not.toBe(TEST_SECRET);
    const old = await clientCredentials(sandbox.url, id, scope);
    expect(old.status).toBe(401);
    expect(old.body).toEqual({
      error: 'invalid_client',
      error_description: EXPIRED_SECRET_DESCRIPTION,
    });
    const renewed = await clientCredentials(sandbox.url, id, scope, fresh);
    expect(renewed.status).toBe(200);
    expect(renewed.body.access_token).toBeTruthy();
    const wrong = await clientCredentials(sandbox.url, id, scope, 'not-the-secret');
    expect(wrong.body.error_description).toBe('client authentication failed');
    // client_secret_post is not registered for this client: refused as any other method mismatch.
    const viaPost = await postForm(`${sandbox.url}/oauth2/token`, {
      grant_type: 'client_credentials',
      client_id: id,
      client_secret: fresh,
    });
    expect(viaPost.status).toBe(401);
    expect(basicAuth(id, fresh)).toMatch(/^Basic /);
  });

  it('refuses to regenerate the secret of a public client', () => {
    expect(() => sandbox.regenerateClientSecret('sandbox-public')).toThrow(/no secret/);
  });
});
