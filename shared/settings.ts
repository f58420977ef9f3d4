import { z } from 'zod';

export const proxyModes = ['none', 'environment', 'url'] as const;
export type ProxyMode = (typeof proxyModes)[number];
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/**
 * How every call (token, API, discovery, probes) reaches the network. The proxy password is not
 * part of it: it lives in the keychain; `proxyPasswordSaved` only says whether one is there.
 */
export interface NetworkSettings {
  proxyMode: ProxyMode;
  /** http(s)://host:port, without credentials. */
  proxyUrl: string;
  proxyUsername: string;
  proxyPasswordSaved: boolean;
  /** A PEM file with extra CA certificates ('' = none), added to the built-in ones. */
  caFile: string;
  /** Off only for a test server with a self-signed certificate: every HTTPS call warns. */
  tlsVerify: boolean;
}

export interface Settings {
  timeoutSeconds: number;
  /** The renewal lead time new profiles start with, in seconds. */
  renewalLeadSeconds: number;
  historyRetentionDays: number;
  theme: Theme;
  /** Keep access tokens across restarts (the token in the keychain, its metadata in the store). */
  keepTokens: boolean;
  /** Memory all kept API response bodies may hold together (bytes, line indexes, pretty text). */
  responseMemoryMB: number;
  /** A response body larger than this is kept in a temporary file in the data dir instead. */
  responseSpillMB: number;
  network: NetworkSettings;
}

export const defaultNetworkSettings: NetworkSettings = {
  proxyMode: 'none',
  proxyUrl: '',
  proxyUsername: '',
  proxyPasswordSaved: false,
  caFile: '',
  tlsVerify: true,
};

export const defaultSettings: Settings = {
  timeoutSeconds: 30,
  renewalLeadSeconds: 60,
  historyRetentionDays: 30,
  theme: 'system',
  keepTokens: false,
  responseMemoryMB: 1024,
  responseSpillMB: 64,
  network: defaultNetworkSettings,
};

const proxyUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'Proxy URL must look like http://proxy.example.com:3128');

export const networkSettingsSchema = z
  .object({
    proxyMode: z.enum(proxyModes),
    proxyUrl,
    proxyUsername: z.string().trim().max(256),
    proxyPasswordSaved: z.boolean(),
    caFile: z.string().trim().max(4096),
    tlsVerify: z.boolean(),
  })
  .strict();

export const settingsSchema = z
  .object({
    timeoutSeconds: z
      .number()
      .int('Request timeout must be whole seconds')
      .min(1, 'Request timeout must be at least 1 second')
      .max(600, 'Request timeout must be at most 600 seconds'),
    renewalLeadSeconds: z
      .number()
      .int('Renewal lead time must be whole seconds')
      .min(5, 'Renewal lead time must be at least 5 seconds')
      .max(3600, 'Renewal lead time must be at most 3600 seconds'),
    historyRetentionDays: z
      .number()
      .int('History retention must be whole days')
      .min(1, 'History retention must be at least 1 day')
      .max(3650, 'History retention must be at most 3650 days'),
    theme: z.enum(themes),
    keepTokens: z.boolean(),
    responseMemoryMB: z
      .number()
      .int('Memory for responses must be whole MB')
      .min(128, 'Memory for responses must be at least 128 MB')
      .max(16384, 'Memory for responses must be at most 16384 MB'),
    responseSpillMB: z
      .number()
      .int('The in-memory size per response must be whole MB')
      .min(1, 'The in-memory size per response must be at least 1 MB')
      .max(1024, 'The in-memory size per response must be at most 1024 MB'),
    network: networkSettingsSchema,
  })
  .strict();

/**
 * A body kept in memory holds up to about 3.6 times its size (bytes, pretty text, line
 * indexes); at most a quarter of the memory limit per body keeps one body within the limit.
 */
export function responseCapsProblem(
  s: Pick<Settings, 'responseMemoryMB' | 'responseSpillMB'>,
): string | null {
  return s.responseSpillMB * 4 > s.responseMemoryMB
    ? `The in-memory size per response may be at most a quarter of the memory for responses (${Math.floor(s.responseMemoryMB / 4)} MB)`
    : null;
}

/** What `updateSettings` takes: any subset; the proxy password travels apart (null removes it). */
export const settingsPatchSchema = z
  .object({
    timeoutSeconds: settingsSchema.shape.timeoutSeconds.optional(),
    renewalLeadSeconds: settingsSchema.shape.renewalLeadSeconds.optional(),
    historyRetentionDays: settingsSchema.shape.historyRetentionDays.optional(),
    theme: settingsSchema.shape.theme.optional(),
    keepTokens: z.boolean().optional(),
    responseMemoryMB: settingsSchema.shape.responseMemoryMB.optional(),
    responseSpillMB: settingsSchema.shape.responseSpillMB.optional(),
    network: networkSettingsSchema.omit({ proxyPasswordSaved: true }).partial().strict().optional(),
    proxyPassword: z.string().max(1024).nullable().optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
