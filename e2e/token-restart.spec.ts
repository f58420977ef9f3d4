import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { filesContaining } from './data-dir-scan';
import { expect, test } from './fixtures';
import { startHostOn } from './own-host';

/** Seconds left, read from the countdown label ("Expires in 59:58" or "Expires in 1:00:00"). */
async function secondsLeft(page: Page): Promise<number> {
  const label = await page.getByText(/^Expires in /).innerText();
  const clock = /(\d+(?::\d+)+)/.exec(label)?.[1] ?? '0';
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

test('a kept token and its countdown survive a restart, and never land on disk in clear', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-e2e-restart-'));
  // The real keychain (gnome-keyring under `npm test`), not the memory vault startHostOn defaults to.
  const first = await startHostOn(dataDir, {});
  let accessToken = '';
  let keychain = false;
  try {
    const { page } = first;
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(page.getByRole('button', { name: 'Get token' })).toBeVisible();
    keychain = !(await page.getByText('Secrets in memory only').isVisible());

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Keep tokens across restarts' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();

    await page.getByRole('button', { name: 'Get token' }).click();
    const token = page.getByRole('textbox', { name: 'Access token' });
    await expect(token).not.toHaveValue('');
    accessToken = await token.inputValue();
    await expect(page.getByText(/^Expires in /)).toBeVisible();
    expect(await secondsLeft(page)).toBeGreaterThan(0);
  } finally {
    await first.close();
  }

  const second = await startHostOn(dataDir, {});
  try {
    const { page } = second;
    await page.getByRole('navigation', { name: 'Profiles' }).getByText('Sandbox').first().click();
    if (keychain) {
      await expect(page.getByRole('textbox', { name: 'Access token' })).toHaveValue(accessToken);
      await expect(page.getByText(/^Expires in /)).toBeVisible();
      const before = await secondsLeft(page);
      expect(before).toBeGreaterThan(0);
      // Still counting down: the label moves on.
      await expect.poll(() => secondsLeft(page), { timeout: 5_000 }).toBeLessThan(before);
    } else {
      // No keychain: tokens cannot be kept, and the app says secrets live in memory only.
      await expect(page.getByText('Secrets in memory only')).toBeVisible();
      await expect(page.getByText('Secrets are not saved')).toBeVisible();
      await expect(page.getByText(/^No token yet\. Press Get token/)).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Access token' })).toHaveCount(0);
    }
  } finally {
    await second.close();
  }
  expect(filesContaining(dataDir, accessToken)).toEqual([]);
});
