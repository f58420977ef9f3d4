import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpTransport } from './http-transport';
import { jsonGet, verifyJwt, type JwtVerifyInput } from './jwt-verifier';
import { createSandbox, type Sandbox } from './sandbox/sandbox-server';
import { TEST_SECRET, accessToken } from './sandbox/sandbox-test-helpers';

let sandbox: Sandbox;
let other: Sandbox;
const http = new HttpTransport();
const deps = {
  get: (url: string, signal: AbortSignal) =>
    http.send(jsonGet(url), { timeoutSeconds: 10, signal, step: 'connect' as const }),
  now: Date.now,
};
const signal = new AbortController().signal;

beforeAll(async () => {
  [sandbox, other] = await Promise.all([
    createSandbox({ clientSecret: TEST_SECRET }),
    createSandbox({ clientSecret: TEST_SECRET }),
  ]);
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), other?.close(), http.close()]);
});

function input(token: string, patch: Partial<JwtVerifyInput> = {}): JwtVerifyInput {
  return {
    token,
    discoveryUrl: `${sandbox.url}/.well-known/openid-configuration`,
    serverDate: new Date().toUTCString(),
    audiences: ['sandbox-basic', sandbox.url],
    ...patch,
  };
}

describe('verifyJwt against the sandbox (real keys at jwks_uri)', () => {
  it('verifies a sandbox access token with the key named in its header', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    const check = await verifyJwt(deps, input(token), signal);
    expect(check.status).toBe('verified');
    expect(check.line).toBe(`Signature verified with key ${kid} of ${sandbox.url}`);
    expect(JSON.stringify(check)).not.toContain(token);
  });

  it('refuses a token whose signature was changed', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    const [h, p, s] = token.split('.');
    const flipped = `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
    const check = await verifyJwt(deps, input(flipped), signal);
    expect(check.status).toBe('not-verified');
    expect(check.line).toMatch(/^Not verified: /);
  });

  it('refuses a token of another issuer (its iss is not this issuer)', async () => {
    const token = await accessToken(other.url, 'sandbox-basic', 'audit.log:read');
    const check = await verifyJwt(deps, input(token), signal);
    expect(check.line).toContain(`the issuer is ${sandbox.url}`);
  });

  it('checks exp against the server Date header, not the local clock', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    const later = new Date(Date.now() + 2 * 3600 * 1000).toUTCString();
    const check = await verifyJwt(deps, input(token, { serverDate: later }), signal);
    expect(check.line).toMatch(
      /^Not verified: the token expired at .* \(exp\), by the server's clock\.$/,
    );
  });

  it('names an audience that is neither the client nor the team', async () => {
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    const check = await verifyJwt(deps, input(token, { audiences: ['someone-else'] }), signal);
    expect(check.line).toContain('aud');
  });

  it('keeps an opaque token opaque, and says when there is no discovery document', async () => {
    expect((await verifyJwt(deps, input('opaque-token-value'), signal)).status).toBe('opaque');
    const token = await accessToken(sandbox.url, 'sandbox-basic', 'audit.log:read');
    const none = await verifyJwt(deps, input(token, { discoveryUrl: null }), signal);
    expect(none.line).toBe('Not verified: no discovery document, so no jwks_uri.');
    const missing = await verifyJwt(
      deps,
      input(token, { discoveryUrl: `${sandbox.url}/.well-known/none` }),
      signal,
    );
    expect(missing.line).toMatch(/answered 404/);
  });
});
