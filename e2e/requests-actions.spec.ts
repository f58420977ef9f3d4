import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { responseDiagnosis, sandboxProfile } from './diagnosis-helpers';
import { expect, test } from './fixtures';
import { openNewRequest } from './workspace-steps';

function urlField(page: Page) {
  return page.getByRole('textbox', { name: 'URL', exact: true });
}

test('presentation mode masks e-mail addresses in the response until switched off', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['team.user-group-info:read'] });
  await page.getByRole('button', { name: 'Get token' }).click();
  await expect(page.getByText(/^Expires in /).first()).toBeVisible({ timeout: 30_000 });
  await openNewRequest(page);
  await urlField(page).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  await expect(response).toContainText('alan@example.com');

  await page.keyboard.press('Control+Shift+P');
  // The masking badge and its switch sit in the app header while presenting.
  await expect(page.getByRole('banner').getByText('Personal data masked')).toBeVisible();
  await expect(response).toContainText('••••@••••');
  await expect(response).not.toContainText('@example.com');
  await page
    .getByRole('tab', { name: /^Headers/ })
    .last()
    .click();
  await page.getByRole('tab', { name: 'Body', exact: true }).last().click();

  await page.getByRole('switch', { name: /Mask personal data/ }).uncheck();
  await expect(page.getByText('Personal data shown')).toBeVisible();
  await expect(response).toContainText('alan@example.com');
  await page.screenshot({ path: '/tmp/req-shots/presentation.png' });
});

test('a saved request is duplicated, renamed and deleted with undo; Save response downloads the whole body', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['team.user-group-info:read'] });
  await page.getByRole('button', { name: 'Get token' }).click();
  await expect(page.getByText(/^Expires in /).first()).toBeVisible({ timeout: 30_000 });
  await openNewRequest(page);
  await urlField(page).fill('/api/external/members');
  await page.getByRole('button', { name: 'Save request' }).click();
  await page.getByRole('dialog', { name: 'Save request' }).getByRole('textbox').fill('Members');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as Members' })).toBeVisible();
  const sidebar = page.getByRole('navigation', { name: 'Profiles' });
  await sidebar.getByRole('button', { name: 'Show saved requests of Sandbox' }).click();

  const notice = (text: string) => page.getByRole('status').filter({ hasText: text });
  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate request' }).click();
  // The copy opens in its own tab; the original's tab is one click away.
  const tabs = page.getByRole('navigation', { name: 'Open tabs' });
  await expect(tabs.getByRole('button', { name: 'Members copy', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await tabs.getByRole('button', { name: 'Members', exact: true }).click();
  await expect(urlField(page)).toHaveValue('/api/external/members');

  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename request' }).click();
  await page
    .getByRole('dialog', { name: 'Rename request' })
    .getByRole('textbox')
    .fill('All members');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(notice('Renamed to All members')).toBeVisible();
  await expect(page.getByText('All members', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete request' }).click();
  await expect(notice('Deleted All members')).toBeVisible();
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notice('Restored All members')).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  // The profile lists both: the restored request under its new name, and the copy.
  await expect(sidebar.getByRole('button', { name: 'GET All members' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'GET Members copy' })).toBeVisible();

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  const downloading = page.waitForEvent('download');
  await response.getByRole('button', { name: 'Save response' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^response-200-.*\.json$/);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'twb-e2e-dl-')), 'saved.json');
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { content: { email: string }[] };
  expect(saved.content.map((m) => m.email)).toContain('alan@example.com');

  // A call the token has no scope for: focus goes to the finding, not the status.
  await urlField(page).fill('/log/api/external/audit');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText(/^\s*403/);
  await expect(page.getByRole('group', { name: 'Finding' })).toBeFocused();
  await expect(responseDiagnosis(page)).toBeVisible();
});
