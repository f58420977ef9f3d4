// Produces docs/screenshot.png (the README's picture): a new user's sandbox session in the
// browser host, driven by Playwright in Debian's Chromium.
// Usage: npm run screenshot [-- --out path.png] [-- --step welcome|token|response]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { buildIfStale } from './build-if-stale.mjs';
import { startBrowserHostProcess } from './browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const out = path.resolve(arg('--out', path.join(root, 'docs/screenshot.png')));
const step = arg('--step', 'response');
const colorScheme = arg('--color-scheme', 'light');

buildIfStale({ quiet: true });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-shot-'));
const host = startBrowserHostProcess({ dataDir });
const url = await host.url;

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 }, colorScheme });
  await page.goto(url);
  await page.getByRole('button', { name: 'Try the sandbox' }).waitFor();
  if (step !== 'welcome') {
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
    await page.getByRole('checkbox', { name: 'audit.log:read', exact: true }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Get token' }).click();
    await page.getByRole('textbox', { name: 'Access token' }).waitFor();
  }
  if (step === 'response') {
    await page.getByRole('textbox', { name: 'URL' }).fill('/api/external/members');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('region', { name: 'Response' }).getByText('200 OK').first().waitFor();
  }
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: out, fullPage: arg('--full', 'no') === 'yes' });
  console.log(`Screenshot written to ${path.relative(root, out)}`);
} finally {
  await browser.close();
  host.stop();
}
