import type { HistoryLog } from './history-log';
import { memoryHistoryLog } from './history-log';

/** The part of the store the services use: one JSON value per key. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /**
   * A number that changes whenever a value may have changed (a `set` here, or another process's
   * write seen), so a reader can keep what it parsed from a value until then.
   */
  revision?(): number;
}

/** The store the hosts open: profiles and settings by key, history in its own log. */
export interface DataStore extends KeyValueStore {
  /** History entries, one JSON object a line, oldest first. */
  readonly history: HistoryLog;
  /** The data dir, for this run's temporary files (large response bodies); null: none (tests). */
  readonly dataDir: string | null;
}

/** An in-memory store for tests of services that need one. */
export function memoryStore(initial: Record<string, unknown> = {}): DataStore {
  const data = new Map(Object.entries(structuredClone(initial)));
  let revision = 0;
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => {
      data.set(key, structuredClone(value));
      revision++;
    },
    revision: () => revision,
    history: memoryHistoryLog(),
    dataDir: null,
  };
}
