// The README's picture of a finished client check (docs/screenshot-check.png): a sandbox client
// with team.login-history:read but no permission behind it, checked in the browser host, the
// summary with its ordered changes in view. Run it inside the keyring session, as npm run screenshot is.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { buildIfStale } from './build-if-stale.mjs';
import { startBrowserHostProcess } from './browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

buildIfStale({ quiet: true });
const browser = await chromium.launch(chromiumLaunchOptions);
const host = startBrowserHostProcess({
  dataDir: mkdtempSync(path.join(os.tmpdir(), 'twb-check-')),
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(await host.url);
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('textbox', { name: 'Client ID' }).fill('sandbox-no-permission');
  for (const scope of ['team.user-group-info:read', 'team.login-history:read']) {
    await page.getByRole('textbox', { name: 'Search scopes' }).fill(scope);
    await page.getByRole('checkbox', { name: scope, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Saved', { exact: true }).waitFor();
  const panel = page.getByRole('region', { name: 'Client check', exact: true });
  await panel.getByRole('button', { name: 'Check this client' }).click();
  await panel.getByRole('region', { name: 'Check summary' }).waitFor({ timeout: 60_000 });
  // The section's heading at the top of the tab's scroll area: every step and the summary in view.
  await page
    .locator('section[id$="-check"]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300); // let the last transition settle before the picture
  const out = path.join(root, 'docs', 'screenshot-check.png');
  await page.screenshot({ path: out });
  console.log(`Screenshot written to ${path.relative(root, out)}`);
} finally {
  host.stop();
  await browser.close();
}
