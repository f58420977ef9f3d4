// For vitest files only (it registers hooks).
import { afterAll, beforeAll } from 'vitest';

/**
 * A value made before a test file's tests and closed after them (a test host, a client-check
 * rig). The file takes it at its top level, before the hooks run; reading any of its members
 * reads the live value, and does so only while the tests run.
 */
export function liveForFile<T extends { close(): Promise<unknown> }>(
  name: string,
  make: () => T | Promise<T>,
): T {
  let live: T | undefined;
  beforeAll(async () => {
    live = await make();
  });
  afterAll(async () => {
    await live?.close();
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!live) throw new Error(`${name}: it exists only while the tests run`);
      const value: unknown = Reflect.get(live, key);
      return typeof value === 'function' ? (value as () => unknown).bind(live) : value;
    },
  });
}
