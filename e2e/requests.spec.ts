import { mkdtempSync, writeFileSync } from 'node:fs';
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
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'twb-e2e-vars-')), 'profiles.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'token-workbench-profiles',
        version: 1,
        profiles: [
          {
            fields: {
              name: 'Variables demo',
              team: '',
              cluster: '',
              baseUrl: server.origin,
              tokenUrl: '',
              clientId: 'demo-client',
              grantType: 'client_credentials',
              authMethod: 'client_secret_basic',
              scopes: [],
              paramsAs: 'form',
              basicEncoding: 'rfc6749',
              sandbox: false,
              variables: [
                { name: 'team', value: 'acme', enabled: true },
                { name: 'km', value: 'km-7', enabled: true },
              ],
            },
          },
        ],
      }),
    );
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByRole('dialog', { name: 'Profiles imported' })).toContainText(
      'Variables demo',
    );
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('navigation', { name: 'Profiles' }).getByText('Variables demo').click();
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
