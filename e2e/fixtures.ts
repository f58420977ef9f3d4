import { _electron, test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from './chromium';

export const root = path.resolve(import.meta.dirname, '..');

export interface WorkbenchApp {
  page: Page;
  /** This test's own data dir: every test starts as a new user. */
  dataDir: string;
  /** Opens a second page of the same app (browser host only). */
  newPage(): Promise<Page>;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${out}`)),
      20_000,
    );
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /Token Workbench is running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${out}`)));
  });
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
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'dist/electron/browser-host.js'),
        '--no-open',
        '--port',
        '0',
        '--data-dir',
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await waitForUrl(child);
      const browser = await playwright.chromium.launch(chromiumLaunchOptions);
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await page.goto(url);
      await use({ page, dataDir, newPage: () => context.newPage() });
      await browser.close();
    } finally {
      child.kill('SIGTERM');
    }
  },
});

export { expect } from '@playwright/test';
