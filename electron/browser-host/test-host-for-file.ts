// For vitest files only (it registers hooks): test-host.ts itself is also used outside vitest.
import { liveForFile } from '../live-for-file';
import { startTestHost, type TestHost } from './test-host';

/** A test host started before the file's tests and closed after them (see liveForFile). */
export function testHostForFile(): TestHost {
  return liveForFile('testHostForFile', startTestHost);
}
