import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryVault, openSecretVault, secretAccounts } from './secret-vault';

/** `npm test` runs inside a D-Bus session with gnome-keyring on Linux, and CI installs both. */
const keychainExpected = process.env.TWB_KEYRING_SESSION === '1' || process.env.CI === 'true';
const service = `Token Workbench test ${process.pid}`;

describe('secret vault', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  it('stores, reads and deletes a secret in the OS keychain (memory only where none answers)', async () => {
    const vault = await openSecretVault(service);
    if (keychainExpected) expect(vault.storage).toBe('keychain');
    if (vault.storage === 'memory') expect(vault.problem).toMatch(/keychain/i);

    const account = `profile:${randomBytes(4).toString('hex')}:client-secret`;
    const secret = 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw= % ü';
    cleanup.push(() => vault.delete(account));
    expect(await vault.get(account)).toBeNull();
    await vault.set(account, secret);
    expect(await vault.get(account)).toBe(secret);
    if (vault.storage === 'keychain') {
      // A second vault (a restart) reads the same entry back from the keychain.
      const again = await openSecretVault(service);
      expect(await again.get(account)).toBe(secret);
    }
    await vault.delete(account);
    expect(await vault.get(account)).toBeNull();
  });

  it('falls back to memory, and says why, when the native keychain binding cannot be loaded', async () => {
    // A real failed import, as on a machine that got another architecture's binding.
    const missing = './no-such-keyring-binding.node';
    const vault = await openSecretVault(service, () => import(missing));
    expect(vault).toBeInstanceOf(MemoryVault);
    expect(vault.problem).toMatch(/binding could not be loaded/);
    await vault.set('a', 'b');
    expect(await vault.get('a')).toBe('b');
  });

  it('falls back to memory, and says why, when the keychain is switched off', async () => {
    process.env.TOKEN_WORKBENCH_NO_KEYCHAIN = '1';
    cleanup.push(async () => void delete process.env.TOKEN_WORKBENCH_NO_KEYCHAIN);
    const vault = await openSecretVault(service);
    expect(vault).toBeInstanceOf(MemoryVault);
    expect(vault.problem).toMatch(/switched off/);
    await vault.set('a', 'b');
    expect(await vault.get('a')).toBe('b');
  });

  it('keeps one keychain entry per profile and kind', async () => {
    const vault = await openSecretVault(service);
    if (keychainExpected) expect(vault.storage).toBe('keychain');
    const id = randomBytes(4).toString('hex');
    const accounts = [secretAccounts.clientSecret(id), secretAccounts.accessToken(id)];
    cleanup.push(async () => {
      for (const a of accounts) await vault.delete(a);
    });
    await vault.set(accounts[0]!, 'client-secret-value');
    await vault.set(accounts[1]!, 'access-token-value');
    expect(await vault.get(accounts[0]!)).toBe('client-secret-value');
    expect(await vault.get(accounts[1]!)).toBe('access-token-value');
    await vault.delete(accounts[1]!);
    expect(await vault.get(accounts[0]!)).toBe('client-secret-value');
    expect(await vault.get(accounts[1]!)).toBeNull();
  });
});
