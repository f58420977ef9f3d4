import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_DENIED_BODY, RATE_LIMITED_BODY } from './api-responses';
import { MALFORMED_AUTHORIZATION_MESSAGE } from './bearer-check';
import { createSandbox, type Sandbox } from './sandbox-server';
import { TEST_SECRET, accessToken } from './sandbox-test-helpers';

let sandbox: Sandbox;
/** Added to the sample APIs' clock, to see tokens expire without waiting. */
let clockOffset = 0;

beforeAll(async () => {
  sandbox = await createSandbox(
    { clientSecret: TEST_SECRET },
    { now: () => Date.now() + clockOffset },
  );
});

afterAll(async () => {
  await sandbox?.close();
});

function call(path: string, authorization?: string): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    headers: authorization === undefined ? {} : { authorization },
  });
}

const scoped = [
  { path: '/api/external/members?pageNumber=0&pageSize=2', scope: 'team.user-group-info:read' },
  { path: '/api/external/authentication-events', scope: 'team.login-history:read' },
  { path: '/log/api/external/audit?pageNumber=0&pageSize=200', scope: 'audit.log:read' },
  { path: '/intelligence/api/knowledge-models', scope: 'intelligence.knowledge-models:read' },
  { path: '/storage-manager/api/buckets?feature=SFTP', scope: 'storage-manager.buckets' },
  { path: '/api/authorization/external/permissions', scope: 'authorization.permissions:read' },
  {
    path: '/platform-adoption/api/external/v2/adoption-tracking-events/STUDIO',
    scope: 'platform-adoption.tracking-events:read',
  },
];

describe.each(scoped)('$path', ({ path, scope }) => {
  it('answers 401 {"error":"Unauthorized"} without a token', async () => {
    const response = await call(path);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
  });

  it('answers 401 in plain text to a malformed Authorization header', async () => {
    const response = await call(path, 'Token abc');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(MALFORMED_AUTHORIZATION_MESSAGE);
  });

  it('answers 403 with the permission body and an RFC 6750 hint without the scope', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'studio');
    const response = await call(path, `Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", scope="${scope}"`,
    );
    const text = await response.text();
    expect(JSON.parse(text)).toEqual(ACCESS_DENIED_BODY);
    expect(text).not.toContain(token);
  });
});

describe('with the scope', () => {
  it.each(scoped.slice(0, 5))('answers 200 JSON with rate-limit headers: $path', async (c) => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', c.scope);
    const response = await call(c.path, `bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    const text = await response.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toBeTruthy();
  });

  it('pages members', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'team.user-group-info:read');
    const response = await call('/api/external/members?pageNumber=1&pageSize=2', `Bearer ${token}`);
    const body = (await response.json()) as { content: { email: string }[]; total: number };
    expect(body).toMatchObject({ pageNumber: 1, pageSize: 2, total: 7 });
    expect(body.content.map((m) => m.email)).toEqual(['alan@example.com', 'katherine@example.com']);

    const invalid = await call('/api/external/members?pageSize=zero', `Bearer ${token}`);
    expect(invalid.status).toBe(400);
  });

  it('answers 403 with the permission body on permissions: scope granted, permission missing', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'authorization.permissions:read');
    const response = await call('/api/authorization/external/permissions', `Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toEqual(ACCESS_DENIED_BODY);
  });

  it('answers 403 with an empty body on adoption events: API not enabled', async () => {
    const token = await accessToken(
      sandbox.url,
      'sandbox-basic',
      'platform-adoption.tracking-events:read',
    );
    const response = await call(
      '/platform-adoption/api/external/v2/adoption-tracking-events/STUDIO',
      `Bearer ${token}`,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });

  it('rate-limits buckets: the fourth call in a minute gets 429', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'storage-manager.buckets');
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await call('/storage-manager/api/buckets', `Bearer ${token}`);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await call('/storage-manager/api/buckets', `Bearer ${token}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    expect(limited.headers.get('retry-after')).toBe(String(reset));
    expect(await limited.json()).toEqual(RATE_LIMITED_BODY);

    // Another token has its own budget.
    const other = await accessToken(sandbox.url, 'sandbox-basic', 'storage-manager.buckets');
    expect((await call('/storage-manager/api/buckets', `Bearer ${other}`)).status).toBe(200);
  });

  it('answers /api/cloud/team to any valid token', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-limited', 'audit.log:read');
    const response = await call('/api/cloud/team', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Sandbox team', domain: 'sandbox' });
  });

  it('answers 404 JSON to an unknown path under an API prefix', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'studio');
    const response = await call('/api/external/nothing-here', `Bearer ${token}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404 });
  });
});

describe('invalid tokens', () => {
  it('answers 401 with invalid_token to an unknown token', async () => {
    const response = await call('/api/cloud/team', 'Bearer not-a-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="The access token is not valid"',
    );
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'Unauthorized' });
    expect(text).not.toContain('not-a-token');
  });

  it('answers 401 to a token signed by another sandbox', async () => {
    const other = await createSandbox({ clientSecret: TEST_SECRET });
    try {
      const token = await accessToken(other.url, 'sandbox-basic', 'studio');
      expect((await call('/api/cloud/team', `Bearer ${token}`)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 401 "expired" once a short-lived token is past its 15 seconds', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-short-lived', 'audit.log:read');
    expect((await call('/log/api/external/audit', `Bearer ${token}`)).status).toBe(200);

    clockOffset = 16_000;
    try {
      const response = await call('/log/api/external/audit', `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer error="invalid_token", error_description="The access token expired"',
      );
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    } finally {
      clockOffset = 0;
    }
  });

  it('answers 401 JSON to an AppKey: the sandbox has no API keys', async () => {
    const response = await call('/api/cloud/team', 'AppKey abc');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
  });
});
