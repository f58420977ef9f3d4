/** The part of the store the services use: one JSON value per key. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export { CURRENT_STORE_VERSION as STORE_VERSION } from './store/store-migrations';
export { openJsonFileStore, type OpenedStore } from './store/json-file-store';

/** An in-memory store for tests of services that need one. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
  };
}
