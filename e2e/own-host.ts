import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromiumLaunchOptions } from './chromium';
import { root } from './fixtures';

/** A browser host on a data dir the test prepared (for example a damaged store file). */
export async function startHostOn(
  dataDir: string,
): Promise<{ page: Page; output: () => string; close: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, 'dist/electron/browser-host.js'),
      '--no-open',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TOKEN_WORKBENCH_NO_KEYCHAIN: '1' },
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${out}`)),
      20_000,
    );
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /Token Workbench is running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${out}`)));
  });
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  return {
    page,
    output: () => out,
    close: async () => {
      await browser.close();
      child.kill('SIGTERM');
    },
  };
}
