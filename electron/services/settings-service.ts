import {
  defaultSettings,
  networkSettingsSchema,
  responseCapsProblem,
  settingsSchema,
  type NetworkSettings,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { loadCaFile } from './ca-certificates';
import type { KeyValueStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { deepFreeze } from './store/deep-freeze';
import type { HttpTransport, NetworkConfig } from './http-transport';
import { secretAccounts, type SecretVault } from './secret-vault';

export { defaultSettings };

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

/** Each stored member that is valid, the default for every other one. */
function readSettings(raw: unknown): Settings {
  const stored = record(raw);
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (key === 'network') continue;
    const parsed = schema.safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : defaultSettings[key as keyof Settings];
  }
  const net = record(stored.network);
  const network: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(networkSettingsSchema.shape)) {
    const parsed = schema.safeParse(net[key]);
    network[key] = parsed.success
      ? parsed.data
      : defaultSettings.network[key as keyof NetworkSettings];
  }
  out.network = network;
  return out as unknown as Settings;
}

/** Takes `user:password@` out of a proxy URL: they belong in the username field and the keychain. */
function splitProxyCredentials(url: string): { url: string; username?: string; password?: string } {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return { url };
    const username = decodeURIComponent(u.username);
    const password = decodeURIComponent(u.password);
    u.username = '';
    u.password = '';
    return { url: u.toString().replace(/\/$/, ''), username, password: password || undefined };
  } catch {
    return { url };
  }
}

/** Settings in the store, validated on every read and write; network settings applied to HTTP. */
export class SettingsService {
  private readonly store: KeyValueStore;

  /** `vault` keeps the proxy password; `http` gets the network settings. Both absent in tests of settings alone. */
  constructor(
    private readonly deps: {
      store: KeyValueStore;
      vault: SecretVault | null;
      http: HttpTransport | null;
    },
  ) {
    this.store = deps.store;
    void deps.http?.configure(() => this.networkConfig());
  }

  /** The settings as last validated, until the store's revision changes. */
  private parsed: { revision: number; settings: Settings } | null = null;

  /** The settings from memory, validated once per change and frozen (copy them to change them). */
  get(): Settings {
    const revision = this.store.revision?.();
    if (revision === undefined) return readSettings(this.store.get('settings'));
    if (this.parsed?.revision !== revision) {
      this.parsed = { revision, settings: deepFreeze(readSettings(this.store.get('settings'))) };
    }
    return this.parsed.settings;
  }

  /** The network settings with their secrets, for the HTTP layer only. */
  async networkConfig(): Promise<NetworkConfig> {
    const { network } = this.get();
    const proxyPassword =
      network.proxyPasswordSaved && this.deps.vault
        ? await this.deps.vault.get(secretAccounts.proxyPassword)
        : null;
    return {
      proxyMode: network.proxyMode,
      proxyUrl: network.proxyUrl,
      proxyUsername: network.proxyUsername,
      proxyPassword,
      caPem: network.caFile ? await loadCaFile(network.caFile) : null,
      tlsVerify: network.tlsVerify,
    };
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const current = this.get();
    const { proxyPassword, network: networkPatch, ...rest } = patch;
    const network: NetworkSettings = { ...current.network };
    for (const [k, v] of Object.entries(networkPatch ?? {})) {
      if (v !== undefined) (network as unknown as Record<string, unknown>)[k] = v;
    }
    let password = proxyPassword;
    const split = splitProxyCredentials(network.proxyUrl);
    if (split.username !== undefined) {
      network.proxyUrl = split.url;
      network.proxyUsername = split.username;
      if (split.password !== undefined) password = split.password;
    }
    if (network.proxyMode === 'url' && network.proxyUrl === '') {
      throw new WorkbenchInputError(
        'Proxy URL is required when the proxy is set to a URL',
        'network.proxyUrl',
      );
    }
    if (network.caFile) await loadCaFile(network.caFile);
    const next: Settings = settingsSchema.parse({
      ...current,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      network,
    });
    const capsProblem = responseCapsProblem(next);
    if (capsProblem) throw new WorkbenchInputError(capsProblem, 'responseSpillMB');
    if (password !== undefined && this.deps.vault) {
      if (password === null || password === '') {
        await this.deps.vault.delete(secretAccounts.proxyPassword);
        next.network.proxyPasswordSaved = false;
      } else {
        await this.deps.vault.set(secretAccounts.proxyPassword, password);
        next.network.proxyPasswordSaved = true;
      }
    }
    this.store.set('settings', next);
    await this.deps.http?.configure(() => this.networkConfig());
    for (const listener of this.listeners) listener(next);
    return next;
  }

  private readonly listeners: ((settings: Settings) => void)[] = [];

  onUpdate(listener: (settings: Settings) => void): void {
    this.listeners.push(listener);
  }
}
