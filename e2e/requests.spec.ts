import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { filesContaining } from './data-dir-scan';
import { responseDiagnosis, sandboxProfile } from './diagnosis-helpers';
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
  await expect(page.getByText('Personal data masked')).toBeVisible();
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
  await expect(notice('Duplicated as Members copy')).toBeFocused();

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
