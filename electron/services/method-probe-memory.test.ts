import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../shared/profile';
import { memoryStore } from './data-store';
import { startSandbox, type Sandbox } from './sandbox';
import { MemoryVault } from './secret-vault';
import { createServices, type Services } from './services';

// The sandbox's `sandbox-post` client accepts client_secret_post only.
const secret = 'Plain0Secret1Value2';
let sandbox: Sandbox;
let services: Services;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  services = createServices(memoryStore(), new MemoryVault(null));
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

const ids = (r: { diagnosis?: { id: string }[] }) => (r.diagnosis ?? []).map((f) => f.id);

describe('invalid_client suggests another method only with evidence', () => {
  it('before the method probe: the secret; after it: the method the probe found', async () => {
    const p = await services.profiles.save({
      fields: {
        ...emptyProfileFields,
        name: 'post-only client sent as Basic',
        baseUrl: sandbox.url,
        clientId: 'sandbox-post',
        authMethod: 'client_secret_basic',
      },
      clientSecret: secret,
    });
    const before = await services.tokens.getToken(p.id, 'evidence-1');
    expect(before.failure?.error).toBe('invalid_client');
    expect(ids(before)).toEqual(['token.invalid-client']);

    const rows = await services.grants.probes.probeAuthMethods(p.id, 'evidence-probe');
    expect(rows.find((r) => r.variant === 'post')?.verdict).toBe('accepted');

    const after = await services.tokens.getToken(p.id, 'evidence-2');
    expect(ids(after)).toEqual(['token.invalid-client', 'token.auth-method']);
    expect(after.diagnosis?.[1]?.title).toContain('accepts client_secret_post');
  });
});
