/**
 * The store file's schema versions. Version 1 (the first release, written by conf /
 * electron-store): `{storeVersion: 1, profiles: [{id, createdAt, updatedAt, fields}], settings:
 * {timeoutSeconds}}`. Version 2 adds settings (renewal lead, history retention, theme, network,
 * keeping tokens) and token metadata. Version 3 moves history out into `history.jsonl` (the opener
 * writes it; see json-file-store.ts). Every migration keeps keys it does not know: other features
 * own them.
 */
export const CURRENT_STORE_VERSION = 3;

export type StoreData = Record<string, unknown>;

type Migration = (data: StoreData) => StoreData;

const migrations: Record<number, Migration> = {
  // 1 -> 2: settings gain their new members with defaults; a non-list `profiles` is set aside
  // under `unreadableProfiles` rather than dropped.
  1: (data) => {
    const out: StoreData = { ...data };
    const settings =
      typeof data.settings === 'object' && data.settings !== null && !Array.isArray(data.settings)
        ? (data.settings as StoreData)
        : {};
    out.settings = {
      renewalLeadSeconds: 60,
      historyRetentionDays: 30,
      theme: 'system',
      keepTokens: false,
      ...settings,
    };
    if (data.profiles !== undefined && !Array.isArray(data.profiles)) {
      out.unreadableProfiles = data.profiles;
      out.profiles = [];
    }
    return out;
  },
  // 2 -> 3: history leaves the file (the opener has appended it to the history log already).
  2: (data) => {
    const { history: _history, ...out } = data;
    return out;
  },
};

export interface MigrationOutcome {
  data: StoreData;
  from: number;
  /** Set when the file was written by a newer version: nothing is migrated or dropped. */
  newer: boolean;
}

/** Brings data of any known version up to the current one. A file with no version is version 1. */
export function migrateStore(input: StoreData): MigrationOutcome {
  const raw = input.storeVersion;
  const from = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 ? raw : 1;
  if (from > CURRENT_STORE_VERSION) return { data: input, from, newer: true };
  let data = input;
  for (let v = from; v < CURRENT_STORE_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No store migration from version ${v}`);
    data = { ...step(data), storeVersion: v + 1 };
  }
  return { data: { ...data, storeVersion: CURRENT_STORE_VERSION }, from, newer: false };
}
