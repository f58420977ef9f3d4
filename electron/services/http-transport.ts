import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { ProxyMode } from '../../shared/settings';
import type { WireRequest } from '../../shared/wire';
import { sendRequest, type SendOptions, type SendOutcome } from './http-client';

/** Everything that decides how a call reaches the network, secrets included (main process only). */
export interface NetworkConfig {
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUsername: string;
  proxyPassword: string | null;
  /** Extra CA certificates (PEM), added to the built-in roots. */
  caPem: string | null;
  tlsVerify: boolean;
}

/** Builds the undici dispatcher for network settings; undefined = undici's global one. */
export function buildDispatcher(c: NetworkConfig): Dispatcher | undefined {
  const tls = {
    rejectUnauthorized: c.tlsVerify,
    ...(c.caPem ? { ca: [...rootCertificates, c.caPem] } : {}),
  };
  if (c.proxyMode === 'environment') {
    return new EnvHttpProxyAgent({ connect: tls, requestTls: tls, proxyTls: tls });
  }
  if (c.proxyMode === 'url' && c.proxyUrl) {
    const token = c.proxyUsername
      ? `Basic ${Buffer.from(`${c.proxyUsername}:${c.proxyPassword ?? ''}`).toString('base64')}`
      : undefined;
    return new ProxyAgent({ uri: c.proxyUrl, token, requestTls: tls, proxyTls: tls });
  }
  if (c.tlsVerify && !c.caPem) return undefined;
  return new Agent({ connect: tls });
}

/**
 * The one HTTP layer every service sends through: token calls, API calls, discovery and probes
 * alike, so that network settings (proxy, extra CAs, TLS verification) apply to all of them.
 */
export class HttpTransport {
  private dispatcher: Dispatcher | undefined;
  /**
   * The network settings being applied, or null once they are: calls wait for it. A call made
   * while none load is handed to undici in the same turn, without a wait of its own.
   */
  private loading: Promise<void> | null = null;
  private tlsOff = false;
  private loadProblem: string | null = null;

  /** Replaces the undici dispatcher (proxy / CA settings); undefined = undici's global one. */
  useDispatcher(dispatcher: Dispatcher | undefined): void {
    const old = this.dispatcher;
    this.dispatcher = dispatcher;
    if (old && old !== dispatcher) void old.close().catch(() => undefined);
  }

  /** Applies network settings; while they load (keychain, CA file), calls wait. */
  configure(load: () => Promise<NetworkConfig>): Promise<void> {
    const loading = load().then(
      (config) => {
        this.useDispatcher(buildDispatcher(config));
        this.tlsOff = !config.tlsVerify;
        this.loadProblem = null;
      },
      (err: unknown) => {
        this.loadProblem = err instanceof Error ? err.message : String(err);
      },
    );
    this.loading = loading;
    void loading.then(() => {
      if (this.loading === loading) this.loading = null;
    });
    return loading;
  }

  /** True while TLS verification is switched off: the UI warns on every call. */
  get tlsVerificationOff(): boolean {
    return this.tlsOff;
  }

  /** Why the saved network settings could not be applied (for example a CA file gone missing). */
  get problem(): string | null {
    return this.loadProblem;
  }

  send(wire: WireRequest, options: SendOptions): Promise<SendOutcome> {
    // Settings applied meanwhile may be replaced again: the call looks once more when they are.
    if (this.loading) return this.loading.then(() => this.send(wire, options));
    return sendRequest(wire, options, this.dispatcher);
  }

  async close(): Promise<void> {
    await this.dispatcher?.close().catch(() => undefined);
  }
}
