import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { filesContaining } from './data-dir-scan';
import { expect, test } from './fixtures';
import { startHostOn } from './own-host';
import { openNewRequest, showProfileTab } from './workspace-steps';

/** Text on the page and the value of every input, textarea and select. */
async function everythingShown(page: Page): Promise<string> {
  // A string expression: this file is type-checked without the DOM library.
  return page.evaluate<string>(`(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((el) => el.value);
    return document.body.innerText + '\\n' + values.join('\\n');
  })()`);
}

async function sandboxWithToken(page: Page) {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('user-group');
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  const secret = (await page.getByTestId('revealed-secret').innerText()).replace(
    /\s*\(hides again after 30 s\)\s*$/,
    '',
  );
  expect(secret.length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Hide secret' }).click();
  await page.getByRole('button', { name: 'Get token' }).click();
  const token = page.getByRole('textbox', { name: 'Access token' });
  await expect(token).not.toHaveValue('');
  const accessToken = await token.inputValue();
  await openNewRequest(page);
  await page.getByRole('textbox', { name: 'URL' }).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  return { secret, accessToken };
}

test('presentation mode hides every secret, token and client ID on screen, and brings them back', async ({
  app,
}) => {
  const { page } = app;
  const { secret, accessToken } = await sandboxWithToken(page);
  // Show the wire view of the token call and a typed (unsaved) secret too.
  await showProfileTab(page);
  await page.getByLabel('Client secret').fill(secret);
  // The token detail renders after the tab's first paint: wait for it before reading the page.
  await expect(page.getByRole('textbox', { name: 'Access token' })).toHaveValue(accessToken);
  const before = await everythingShown(page);
  expect(before).toContain(accessToken);
  expect(before).toContain('sandbox-basic');

  await page.getByRole('switch', { name: 'Presentation mode' }).check();
  await expect(page.getByText('Presenting: secrets hidden')).toBeVisible();
  const on = await everythingShown(page);
  expect(on).not.toContain(accessToken);
  expect(on).not.toContain(accessToken.slice(20, 60));
  expect(on).not.toContain(secret);
  expect(on).not.toContain('sandbox-basic');
  // The client ID field shows the mask and cannot be edited while presenting.
  const clientId = page.getByRole('textbox', { name: 'Client ID' });
  await expect(clientId).toHaveAttribute('readonly', '');

  // The keyboard shortcut switches it off again: everything is back.
  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByText('Presenting: secrets hidden')).toHaveCount(0);
  await expect(clientId).toHaveValue('sandbox-basic');
  const off = await everythingShown(page);
  expect(off).toContain(accessToken);
  expect(off).toContain(secret);
});

test('after a full run no file in the data dir or the export holds the client secret or the token', async ({
  app,
}) => {
  const { page } = app;
  const { secret, accessToken } = await sandboxWithToken(page);
  await page.getByRole('textbox', { name: 'URL' }).fill('/log/api/external/audit');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('403 Forbidden');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export profiles' }).click();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'twb-export-')), 'export.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.profiles[0].secretsToReenter).toEqual(['client_secret']);

  for (const dir of [app.dataDir, path.dirname(file)]) {
    expect(filesContaining(dir, secret)).toEqual([]);
    expect(filesContaining(dir, encodeURIComponent(secret))).toEqual([]);
    expect(filesContaining(dir, accessToken)).toEqual([]);
  }

  // The export imports back (under a new name); a malformed file names the JSON path of each problem.
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByRole('dialog', { name: 'Profiles imported' })).toContainText(
    'Sandbox (2)',
  );
  await expect(page.getByRole('dialog')).toContainText('Secrets to enter again');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  exported.profiles[0].fields.clientId = '';
  exported.profiles[0].fields.authMethod = 'magic';
  writeFileSync(file, JSON.stringify(exported));
  await page.getByTestId('import-file').setInputFiles(file);
  const problems = page.getByRole('dialog', { name: 'Nothing was imported' });
  await expect(problems).toContainText('$.profiles[0].fields.clientId');
  await expect(problems).toContainText('$.profiles[0].fields.authMethod');
});

test('profiles: duplicate, rename, search, delete with undo', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('button', { name: 'Actions for Sandbox' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  const list = page.getByRole('navigation', { name: 'Profiles' });
  await expect(list).toContainText('Sandbox copy');
  await page.getByRole('button', { name: 'Actions for Sandbox copy' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill('Demo client');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(list).toContainText('Demo client');
  await page.getByRole('textbox', { name: 'Search profiles' }).fill('demo');
  await expect(list).not.toContainText('Sandbox copy');
  await expect(list).toContainText('Demo client');
  await page.getByRole('textbox', { name: 'Search profiles' }).fill('');
  await page.getByRole('button', { name: 'Actions for Demo client' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(list).not.toContainText('Demo client');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list).toContainText('Demo client');
});

test('settings are validated and persisted', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('textbox', { name: 'Request timeout (seconds)' }).fill('0');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toContainText('Request timeout must be at least 1 second');
  await dialog.getByRole('textbox', { name: 'Request timeout (seconds)' }).fill('45');
  await dialog.getByText('Dark').click();
  await dialog
    .getByRole('textbox', { name: 'Extra CA certificates (PEM file)' })
    .fill('/nonexistent/ca.pem');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toContainText('no such file');
  await dialog.getByRole('textbox', { name: 'Extra CA certificates (PEM file)' }).fill('');
  await dialog.getByRole('switch', { name: 'Verify TLS certificates' }).uncheck();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('TLS verification is off', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByText('TLS verification is off', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Settings' })
      .getByRole('textbox', { name: 'Request timeout (seconds)' }),
  ).toHaveValue('45');
});

const damaged: [string, () => Buffer][] = [
  [
    'truncated',
    () => Buffer.from('{"storeVersion": 1, "profiles": [{"id": "a", "createdAt": "x", "upd'),
  ],
  ['random bytes', () => randomBytes(2048)],
  ['empty', () => Buffer.alloc(0)],
];

for (const [label, bytes] of damaged) {
  test(`a ${label} data file: the app starts, keeps a copy and says what happened`, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-damaged-'));
    const original = bytes();
    writeFileSync(path.join(dataDir, 'workbench.json'), original);
    const host = await startHostOn(dataDir);
    try {
      await expect(
        host.page.getByRole('alert').filter({ hasText: 'The data file was repaired' }),
      ).toBeVisible();
      await expect(host.page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
      const kept = readdirSync(dataDir).filter((n) => n.startsWith('workbench.damaged-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(path.join(dataDir, kept[0]!)).equals(original)).toBe(true);
      expect(host.output()).toContain(kept[0]);
    } finally {
      await host.close();
    }
  });
}
