import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../../shared/profile';
import { memoryStore } from '../data-store';
import { startSandbox, type Sandbox } from '../sandbox';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';

const secret = 'p+/=:% q-7Hc9x2LmQ';
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

describe('re-send of a token call from history', () => {
  it('sends client credentials again through the pipeline, and says why a code exchange cannot be', async () => {
    const p = await services.profiles.save({
      fields: {
        ...emptyProfileFields,
        name: 'resend',
        baseUrl: sandbox.url,
        clientId: 'sandbox-basic',
      },
      clientSecret: secret,
    });
    const first = await services.tokens.getToken(p.id, 'resend-first-1');
    const again = await services.pipeline.resend.resend(first.callId ?? '', 'resend-again-1');
    expect(again.token?.accessToken).toBeTruthy();
    expect(again.token?.accessToken).not.toBe(first.token?.accessToken);
    expect(services.tokens.state(p.id).lastAttempt).toMatchObject({ trigger: 'resend', ok: true });

    const entry = services.history.get(first.callId ?? '');
    const exchange = services.history.add(
      {
        ...structuredClone(entry!),
        request: {
          ...entry!.request!,
          body: {
            contentType: 'application/x-www-form-urlencoded',
            text: 'grant_type=authorization_code&code=••••••',
          },
        },
      },
      [],
    );
    const refused = await services.pipeline.resend.resend(exchange.id, 'resend-code-1');
    expect(refused.request).toBeNull();
    expect(refused.failure).toMatchObject({
      step: 'prepare',
      title: 'A sign-in cannot be re-sent',
    });
  });
});
