import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../shared/profile';
import { openJsonFileStore } from './data-store';
import { startSandbox, type Sandbox } from './sandbox';
import { decodeJwtClaims } from '../../shared/jwt-claims';
import { MemoryVault, openSecretVault, secretAccounts } from './secret-vault';
import { createServices, type Services } from './services';

const secret = 'fake-secret-for-tests-keeper';
let sandbox: Sandbox;
let dir: string;
const service = `Token Workbench keeper test ${process.pid}`;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  dir = mkdtempSync(path.join(os.tmpdir(), 'twb-keeper-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One app run: the store file in dir and the OS keychain (memory where none answers). */
async function run() {
  const vault = await openSecretVault(service);
  return { vault, services: createServices(openJsonFileStore(dir).store, vault) };
}

/** With "keep tokens" on: a profile on the sandbox and its token, then the run ends. */
async function keepOneToken(services: Services, requestId: string) {
  await services.settings.update({ keepTokens: true });
  const p = await services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: 'Kept',
      baseUrl: sandbox.url,
      clientId: 'sandbox-basic',
    },
    clientSecret: secret,
  });
  const got = await services.tokens.getToken(p.id, requestId);
  await services.close();
  return { p, token: got.token! };
}

describe('tokens across restarts', () => {
  it('keeps a valid token (keychain) and its countdown (store) when the user allows it', async () => {
    const first = await run();
    const { p, token } = await keepOneToken(first.services, 'keeper-request-1');
    const file = readFileSync(path.join(dir, 'workbench.json'), 'utf8');
    expect(file).not.toContain(token.accessToken);
    expect(file).not.toContain(secret);

    if (process.env.TWB_KEYRING_SESSION === '1') expect(first.vault.storage).toBe('keychain');
    if (first.vault.storage === 'memory') return; // memory does not survive a restart
    const second = await run();
    expect(await second.services.data.restored).toBe(1);
    expect(second.services.tokens.current(p.id)).toMatchObject({
      accessToken: token.accessToken,
      receivedAt: token.receivedAt,
      expiresIn: 899,
    });
    // Switched off: the kept token is removed from the keychain and the store.
    await second.services.settings.update({ keepTokens: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(await second.vault.get(secretAccounts.accessToken(p.id))).toBeNull();
    await second.vault.delete(secretAccounts.clientSecret(p.id));
    await second.services.close();
    const third = await run();
    expect(await third.services.data.restored).toBe(0);
    expect(third.services.tokens.current(p.id)).toBeNull();
    await third.services.close();
  });

  it('keeps no JWT claims in the store, and drops those an earlier version kept', async () => {
    // One vault for both runs: the keychain's part of a restart, in memory.
    const vault = new MemoryVault(null);
    const storeDir = mkdtempSync(path.join(os.tmpdir(), 'twb-keeper-claims-'));
    const file = path.join(storeDir, 'workbench.json');
    const first = createServices(openJsonFileStore(storeDir).store, vault);
    const { p, token } = await keepOneToken(first, 'keeper-request-2');
    const jti = String(decodeJwtClaims(token.accessToken)?.payload.jti);
    expect(jti.length).toBeGreaterThan(8);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(kept)).not.toContain(jti);

    // As an earlier version kept it: the decoded claims beside the countdown.
    const metas = kept.keptTokens as Record<string, Record<string, unknown>>;
    metas[p.id]!.expiryCheck = { jwt: { header: {}, claims: { jti } }, warnings: [] };
    writeFileSync(file, JSON.stringify(kept));
    const second = createServices(openJsonFileStore(storeDir).store, vault);
    expect(await second.data.restored).toBe(1);
    expect(second.tokens.current(p.id)).toMatchObject({ accessToken: token.accessToken });
    expect(second.tokens.current(p.id)).not.toHaveProperty('expiryCheck');
    await second.close();
    expect(readFileSync(file, 'utf8')).not.toContain(jti);
    rmSync(storeDir, { recursive: true, force: true });
  });
});
