import { randomBytes } from 'node:crypto';
import { startSandbox, type Sandbox } from './sandbox';
import { secretAccounts, type SecretVault } from './secret-vault';

/**
 * The built-in sandbox, started on demand on 127.0.0.1. Its client secret is generated once and
 * kept in the vault like any other secret, so sandbox profiles keep working across restarts.
 */
export class SandboxService {
  private sandbox: Sandbox | null = null;
  private starting: Promise<Sandbox> | null = null;
  private readonly statusListeners: ((status: { running: boolean; url: string | null }) => void)[] =
    [];

  private readonly vault: SecretVault;
  private readonly port: number;

  /** `port` 0: any free port on 127.0.0.1. */
  constructor(deps: { vault: SecretVault; port: number }) {
    this.vault = deps.vault;
    this.port = deps.port;
  }

  get url(): string | null {
    return this.sandbox?.url ?? null;
  }

  /** Called when the sandbox starts or stops (published as `sandboxStatus`). */
  onStatus(listener: (status: { running: boolean; url: string | null }) => void): void {
    this.statusListeners.push(listener);
  }

  private announce(): void {
    for (const listener of this.statusListeners)
      listener({ running: !!this.sandbox, url: this.url });
  }

  async clientSecret(): Promise<string> {
    const account = secretAccounts.sandboxSecret;
    const existing = await this.vault.get(account);
    if (existing) return existing;
    // Standard base64 on purpose: the secret holds '+', '/' or '=', like real ones often do.
    const secret = randomBytes(30).toString('base64');
    await this.vault.set(account, secret);
    return secret;
  }

  async ensureStarted(): Promise<Sandbox> {
    if (this.sandbox) return this.sandbox;
    this.starting ??= (async () => {
      const sandbox = await startSandbox({
        clientSecret: await this.clientSecret(),
        port: this.port,
      });
      this.sandbox = sandbox;
      this.announce();
      return sandbox;
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async close(): Promise<void> {
    const s = this.sandbox;
    this.sandbox = null;
    await s?.close();
    if (s) this.announce();
  }
}
