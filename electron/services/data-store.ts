import Conf from 'conf';

/** The part of conf / electron-store the services use, so either can be passed in. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const STORE_VERSION = 1;

/** The JSON store in the data dir (the browser host's; the Electron host passes electron-store). */
export function openConfStore(dataDir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'workbench',
    projectName: 'token-workbench',
    defaults: { storeVersion: STORE_VERSION },
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
  };
}

/** An in-memory store for tests of services that need one. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
  };
}
