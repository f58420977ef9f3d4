// For vitest files only (it registers hooks): test-host.ts itself is also used outside vitest.
import { afterAll, beforeAll } from 'vitest';
import { startTestHost, type TestHost } from './test-host';

/**
 * A test host started before the file's tests and closed after them (as useCheckRig does for
 * the client check); its fields read the live host.
 */
export function testHostForFile(): TestHost {
  let live: TestHost | undefined;
  beforeAll(async () => {
    live = await startTestHost();
  });
  afterAll(async () => {
    await live?.close();
  });
  const host = () => {
    if (!live) throw new Error('testHostForFile: the host exists only while the tests run');
    return live;
  };
  return {
    get host() {
      return host().host;
    },
    get handlers() {
      return host().handlers;
    },
    get services() {
      return host().services;
    },
    get staticDir() {
      return host().staticDir;
    },
    close: () => host().close(),
  };
}
