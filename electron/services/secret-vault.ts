import type { AsyncEntry } from '@napi-rs/keyring';
import type { SecretStorage } from '../../shared/profile';

type KeyringModule = { AsyncEntry: typeof AsyncEntry };

/** Where secrets live: the OS keychain, or (when none answers) memory for this run only. */
export interface SecretVault {
  readonly storage: SecretStorage;
  /** Why the keychain is not used, in words a user can act on; null when it is. */
  readonly problem: string | null;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

const KEYCHAIN_TIMEOUT_MS = 5000;

function withTimeout(): AbortSignal {
  return AbortSignal.timeout(KEYCHAIN_TIMEOUT_MS);
}

/** Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
export class KeychainVault implements SecretVault {
  readonly storage = 'keychain' as const;
  readonly problem = null;

  constructor(
    private readonly service: string,
    private readonly keyring: KeyringModule,
  ) {}

  private entry(account: string): AsyncEntry {
    return new this.keyring.AsyncEntry(this.service, account);
  }

  async get(account: string): Promise<string | null> {
    return (await this.entry(account).getPassword(withTimeout())) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.entry(account).setPassword(secret, withTimeout());
  }

  async delete(account: string): Promise<void> {
    await this.entry(account).deleteCredential(withTimeout());
  }
}

/** Secrets in memory for this run only: used when no keychain answers. */
export class MemoryVault implements SecretVault {
  readonly storage = 'memory' as const;
  private readonly secrets = new Map<string, string>();

  constructor(readonly problem: string | null) {}

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<void> {
    this.secrets.delete(account);
  }
}

function describeKeychainError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/timeout|abort/i.test(text)) return 'The OS keychain did not answer within 5 s.';
  if (/platform storage|dbus|secret service|AccessDenied|NoStorageAccess/i.test(text)) {
    return 'No OS keychain is available (on Linux: no Secret Service such as gnome-keyring is running).';
  }
  return `The OS keychain refused access (${text.slice(0, 120)}).`;
}

/**
 * Opens the OS keychain and proves it works with a write, a read and a delete; falls back to
 * memory (and says why) when it does not. The native binding is loaded here, not at start-up,
 * so a missing or broken binding (another architecture's package) falls back the same way.
 */
export async function openSecretVault(
  service: string,
  loadKeyring: () => Promise<KeyringModule> = () => import('@napi-rs/keyring'),
): Promise<SecretVault> {
  if (process.env.TOKEN_WORKBENCH_NO_KEYCHAIN === '1') {
    return new MemoryVault('The keychain is switched off (TOKEN_WORKBENCH_NO_KEYCHAIN=1).');
  }
  let keyring: KeyringModule;
  try {
    keyring = await loadKeyring();
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err);
    return new MemoryVault(`The OS keychain binding could not be loaded (${why}).`);
  }
  const vault = new KeychainVault(service, keyring);
  const probe = `probe-${process.pid}-${Date.now()}`;
  try {
    await vault.set(probe, 'probe');
    const back = await vault.get(probe);
    await vault.delete(probe);
    if (back !== 'probe') throw new Error('the keychain returned a different value');
    return vault;
  } catch (err) {
    return new MemoryVault(describeKeychainError(err));
  }
}

export const secretAccounts = {
  clientSecret: (profileId: string) => `profile:${profileId}:client-secret`,
  sandboxSecret: 'sandbox:client-secret',
  proxyPassword: 'network:proxy-password',
  accessToken: (profileId: string) => `profile:${profileId}:access-token`,
} as const;
