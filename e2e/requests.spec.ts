import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { filesContaining } from './data-dir-scan';
import { expect, test } from './fixtures';
import { startHostOn } from './own-host';
import { startRecordingServer } from './recording-server';
import { openNewRequest } from './workspace-steps';

const FAKE_BEARER = 'e2e-not-a-real-token-4711';

function urlField(page: Page) {
  return page.getByRole('textbox', { name: 'URL', exact: true });
}

test('a named request is saved into its profile, reopened after a restart, and its draft restored without secrets', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-e2e-requests-'));
  const first = await startHostOn(dataDir);
  try {
    const { page } = first;
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(page.getByRole('button', { name: 'Get token' })).toBeVisible({ timeout: 30_000 });
    await openNewRequest(page);
    await urlField(page).fill('/api/external/members?pageSize=5');
    await urlField(page).press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByRole('textbox', { name: 'Request name' }).fill('Members page');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Saved as Members page' }),
    ).toBeFocused();
    const sidebar = page.getByRole('navigation', { name: 'Profiles' });
    await sidebar.getByRole('button', { name: 'Show saved requests of Sandbox' }).click();
    await expect(sidebar.getByRole('button', { name: 'GET Members page' })).toBeVisible();

    // An unsaved edit, with a credential header the draft must not keep.
    await urlField(page).fill('/api/external/members?pageSize=7');
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header 2 name' }).fill('Authorization');
    await page.getByRole('textbox', { name: 'Header 2 value' }).fill(`Bearer ${FAKE_BEARER}`);
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    // The draft reaches the store (the data dir), without the credential.
    await expect
      .poll(() => filesContaining(dataDir, '"pageSize"').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => filesContaining(dataDir, '"Authorization"').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
  } finally {
    await first.close();
  }
  expect(filesContaining(dataDir, FAKE_BEARER)).toEqual([]);

  const second = await startHostOn(dataDir);
  try {
    const { page } = second;
    const tabs = page.getByRole('navigation', { name: 'Open tabs' });
    await tabs.getByRole('button', { name: 'Members page (unsaved changes)' }).click();
    await expect(urlField(page)).toHaveValue('/api/external/members?pageSize=7');
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await expect(page.getByRole('textbox', { name: 'Header 2 name' })).toHaveValue('Authorization');
    await expect(page.getByRole('textbox', { name: 'Header 2 value' })).toHaveValue('');
    const sidebar = page.getByRole('navigation', { name: 'Profiles' });
    await sidebar.getByRole('button', { name: 'Show saved requests of Sandbox' }).click();
    await expect(sidebar.getByRole('button', { name: 'GET Members page' })).toBeVisible();
  } finally {
    await second.close();
  }
});

test('profile variables and path parameters are resolved on the wire; an unknown variable stops the send', async ({
  app,
}) => {
  const server = await startRecordingServer();
  try {
    const { page } = app;
    // The variables are defined in the profile tab's Variables section.
    await page.getByRole('button', { name: 'New profile' }).first().click();
    await page.getByRole('textbox', { name: 'Profile name' }).fill('Variables demo');
    await page.getByRole('textbox', { name: 'Base URL' }).fill(server.origin);
    await page.getByRole('textbox', { name: 'Client ID' }).fill('demo-client');
    await page
      .getByRole('navigation', { name: 'Profile sections' })
      .getByRole('button', { name: 'Variables' })
      .click();
    const editor = page.getByRole('group', { name: 'Variables' });
    await editor.getByRole('button', { name: 'Add variable' }).click();
    await editor.getByRole('textbox', { name: 'Variable 1 name' }).fill('team');
    await editor.getByRole('textbox', { name: 'Variable 1 value' }).fill('acme');
    await editor.getByRole('button', { name: 'Add variable' }).click();
    await editor.getByRole('textbox', { name: 'Variable 2 name' }).fill('km');
    await editor.getByRole('textbox', { name: 'Variable 2 value' }).fill('km-7');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('button', { name: 'Get token' })).toBeVisible();
    // Saved: the profile's tab is clean, so the variables compare equal by value.
    const tabs = page.getByRole('navigation', { name: 'Open tabs' });
    await expect(tabs.getByRole('button', { name: 'Variables demo', exact: true })).toBeVisible();
    await editor.getByRole('checkbox', { name: 'Use variable 2' }).uncheck();
    await expect(
      tabs.getByRole('button', { name: 'Variables demo (unsaved changes)' }),
    ).toBeVisible();
    await editor.getByRole('checkbox', { name: 'Use variable 2' }).check();
    await expect(tabs.getByRole('button', { name: 'Variables demo', exact: true })).toBeVisible();
    await openNewRequest(page);

    await urlField(page).fill('/intelligence/api/knowledge-models/{km}/records?team={{team}}');
    await page.getByRole('textbox', { name: 'Path parameter km' }).fill('{{km}}');
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header 2 name' }).fill('X-Team');
    await page.getByRole('textbox', { name: 'Header 2 value' }).fill('{{team}}');
    await page.getByRole('tab', { name: 'Auth' }).click();
    await page.getByText('None', { exact: true }).click();

    // Each variable's value is shown before sending.
    const preview = page.getByRole('list', { name: 'Variables' });
    await expect(preview).toContainText('{{km}} → km-7');
    await expect(preview).toContainText('{{team}} → acme');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText(/^\s*200 OK/);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe(
      '/intelligence/api/knowledge-models/km-7/records?team=acme',
    );
    expect(server.requests[0]?.headers['x-team']).toBe('acme');
    // After Send, focus is on the response status.
    await expect(page.getByRole('group', { name: 'Response status' })).toBeFocused();

    await urlField(page).fill('/intelligence/api/knowledge-models/{km}/records?team={{nope}}');
    await expect(
      page
        .getByText("Unknown variable {{nope}} in URL: define it under the profile's Variables")
        .first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(urlField(page)).toHaveAccessibleDescription(
      /Unknown variable \{\{nope\}\} in URL/,
    );
    // An empty path parameter is named, and nothing is sent either.
    await urlField(page).fill('/intelligence/api/knowledge-models/{km}/records');
    await page.getByRole('tab', { name: 'Params' }).click();
    await page.getByRole('textbox', { name: 'Path parameter km' }).fill('');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Path parameter {km} has no value' }),
    ).toBeVisible();
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});
