import type { HistoryLog } from './history-log';
import { memoryHistoryLog } from './history-log';

/** The part of the store the services use: one JSON value per key. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
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
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
    history: memoryHistoryLog(),
    dataDir: null,
  };
}
