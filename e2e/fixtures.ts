import { _electron, test as base, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHostProcess } from '../scripts/browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium';

export const root = path.resolve(import.meta.dirname, '..');

export interface WorkbenchApp {
  page: Page;
  /** This test's own data dir: every test starts as a new user. */
  dataDir: string;
  /** Opens a second page of the same app (browser host only). */
  newPage(): Promise<Page>;
}

/**
 * `app` is the Workbench as a user meets it: the browser host in Debian's Chromium, or the real
 * Electron app (project "electron", only where its runtime is installed).
 */
export const test = base.extend<{ app: WorkbenchApp }>({
  app: async ({ playwright }, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-e2e-'));
    if (testInfo.project.name === 'electron') {
      const electronApp = await _electron.launch({
        executablePath: testInfo.project.metadata.electronPath as string,
        args: [root, '--data-dir', dataDir],
      });
      const page = await electronApp.firstWindow();
      await use({
        page,
        dataDir,
        newPage: () => Promise.reject(new Error('a second page needs the browser host')),
      });
      await electronApp.close();
      return;
    }
    const host = startBrowserHostProcess({ dataDir });
    try {
      const url = await host.url;
      const browser = await playwright.chromium.launch(chromiumLaunchOptions);
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await page.goto(url);
      await use({ page, dataDir, newPage: () => context.newPage() });
      await browser.close();
    } finally {
      host.stop();
    }
  },
});

export { expect } from '@playwright/test';
