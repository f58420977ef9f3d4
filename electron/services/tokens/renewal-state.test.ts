import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenStateEvent } from '../../../shared/events';
import { emptyProfileFields, pickProfileFields } from '../../../shared/profile';
import { memoryStore } from '../data-store';
import { startSandbox, type Sandbox } from '../sandbox';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';

const secret = 'renewal-state-secret+/=';
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

describe('the pushed token state after a failed renewal', () => {
  it('carries the failure, not "renewing" (the token bar shows only tokenState)', async () => {
    const p = await services.profiles.save({
      fields: {
        ...emptyProfileFields,
        name: 'Renewal state',
        baseUrl: sandbox.url,
        clientId: 'sandbox-short-lived',
        autoRenew: true,
      },
      clientSecret: secret,
    });
    expect((await services.tokens.getToken(p.id, 'renewal-state-1')).token?.expiresIn).toBe(15);
    // The next renewal goes out with a method the client is not registered for.
    await services.profiles.save({
      id: p.id,
      fields: {
        ...pickProfileFields(services.profiles.get(p.id)),
        authMethod: 'client_secret_post',
      },
    });
    const states: TokenStateEvent[] = [];
    const stop = services.events.subscribe('tokenState', (e) => {
      if (e.profileId === p.id) states.push(e);
    });
    // Half the 15-second lifetime: the renewal runs after 7.5 s.
    await expect
      .poll(() => states.at(-1)?.token?.renewal?.lastFailure ?? null, { timeout: 20_000 })
      .toMatch(/invalid_client/);
    stop();
    expect(states.some((e) => e.token?.renewal?.status === 'renewing')).toBe(true);
    expect(states.at(-1)?.token?.renewal?.status).toBe('failed');
    expect(states.at(-1)?.lastAttempt).toMatchObject({ trigger: 'renewal', ok: false });
  }, 30_000);
});
