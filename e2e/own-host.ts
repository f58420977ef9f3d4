import { chromium, type Browser, type Page } from '@playwright/test';
import { startBrowserHostProcess } from '../scripts/browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium';

/**
 * A browser host on a data dir the test prepared (for example a damaged store file). Without
 * `env` the keychain is switched off; pass `{}` to use the real one.
 */
export async function startHostOn(
  dataDir: string,
  env: Record<string, string> = { TOKEN_WORKBENCH_NO_KEYCHAIN: '1' },
): Promise<{ page: Page; output: () => string; close: () => Promise<void> }> {
  const host = startBrowserHostProcess({ dataDir, env });
  const url = await host.url;
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  return {
    page,
    output: host.output,
    close: async () => {
      await browser.close();
      host.stop();
    },
  };
}
