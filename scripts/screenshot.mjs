// Produces the README's pictures from a new user's sandbox session in the browser host, driven
// by Playwright in Debian's Chromium: the workspace at 1440×900 (docs/screenshot-workspace.png)
// and presentation mode at 1280×720 (docs/screenshot-presentation.png).
// Usage: npm run screenshot [-- --only workspace|presentation] [-- --color-scheme dark]
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { buildIfStale } from './build-if-stale.mjs';
import { startBrowserHostProcess } from './browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const only = arg('--only', 'all');
const colorScheme = arg('--color-scheme', 'light');
const shots = [
  { name: 'workspace', width: 1440, height: 900, presenting: false },
  { name: 'presentation', width: 1280, height: 720, presenting: true },
].filter((s) => only === 'all' || s.name === only);

/** Try the sandbox, tick two scopes, save, get a token, open a request tab and send it. */
async function session(page) {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  await page.getByRole('checkbox', { name: 'audit.log:read', exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await page.getByRole('textbox', { name: 'Access token' }).waitFor();
  await page.getByRole('button', { name: 'New request', exact: true }).click();
  await page.getByRole('textbox', { name: 'URL', exact: true }).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('region', { name: 'Response' }).getByText('200 OK').first().waitFor();
}

buildIfStale({ quiet: true });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const shot of shots) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-shot-'));
    const host = startBrowserHostProcess({ dataDir });
    try {
      const page = await browser.newPage({
        viewport: { width: shot.width, height: shot.height },
        colorScheme,
      });
      await page.goto(await host.url);
      await session(page);
      if (shot.presenting) {
        await page.getByRole('switch', { name: 'Presentation mode' }).check();
        await page.getByText('Presenting: secrets hidden').waitFor();
      }
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300); // let the last transition settle before the picture
      const out = path.join(root, 'docs', `screenshot-${shot.name}.png`);
      await page.screenshot({ path: out });
      console.log(`Screenshot written to ${path.relative(root, out)}`);
      await page.close();
    } finally {
      host.stop();
    }
  }
} finally {
  await browser.close();
}
