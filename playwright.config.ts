import { defineConfig } from '@playwright/test';
import { electronRuntimePath } from './e2e/electron-runtime';

const electronPath = electronRuntimePath();
// Said once, by the runner (workers load this file too).
if (!electronPath && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(
    'Electron e2e project skipped: the Electron runtime is not installed on this machine.',
  );
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  workers: 2,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The fixture in e2e/fixtures.ts starts Debian's Chromium (scripts/chromium.mjs) itself.
    { name: 'browser-host' },
    ...(electronPath ? [{ name: 'electron', metadata: { electronPath } }] : []),
  ],
});
