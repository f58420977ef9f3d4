import { filesContaining } from './data-dir-scan';
import { showProfileTab, showRequestTab } from './workspace-steps';
import { getToken, sandboxProfile, send } from './diagnosis-helpers';
import { expect, test } from './fixtures';

test('history: every call, newest first, filter, open, re-send, clear; nothing secret on disk', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['team.user-group-info:read'] });
  const accessToken = await getToken(page);
  await send(page, '/api/external/members');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  await send(page, '/log/api/external/audit');
  await expect(response).toContainText(/^\s*403 Forbidden/);

  // The real client secret, read from the token request copied with secrets (Basic, RFC 6749).
  await showProfileTab(page);
  await page
    .getByRole('region', { name: 'Token' })
    .getByRole('button', { name: 'Copy as curl' })
    .click();
  await page.getByRole('checkbox', { name: /Include secrets/ }).check();
  const box = page.getByRole('textbox', { name: 'curl command' });
  await expect(box).toHaveValue(/Authorization: Basic [A-Za-z0-9+/=]+'/);
  const basic = /Authorization: Basic ([A-Za-z0-9+/=]+)/.exec(await box.inputValue())?.[1] ?? '';
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const secret = new URLSearchParams(`s=${decoded.slice(decoded.indexOf(':') + 1)}`).get('s') ?? '';
  expect(secret.length).toBeGreaterThan(20);
  await page.keyboard.press('Escape');

  await showRequestTab(page);
  await page.getByRole('button', { name: 'History' }).click();
  const drawer = page.getByRole('dialog', { name: 'History' });
  const entries = drawer.getByRole('list', { name: 'History entries' }).getByRole('listitem');
  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toContainText('/log/api/external/audit');
  await expect(entries.last()).toContainText('/oauth2/token');

  await drawer.getByRole('combobox', { name: 'Status' }).selectOption('error');
  await expect(entries).toHaveCount(1);
  await drawer.getByRole('combobox', { name: 'Status' }).selectOption('all');
  await drawer.getByRole('textbox', { name: 'Search history' }).fill('members');
  await expect(entries).toHaveCount(1);
  await entries.first().click();
  await expect(drawer).toContainText('ada@example.com');
  await expect(drawer).toContainText('Bearer ••••••');
  await drawer.getByRole('button', { name: 'Re-send' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue('/api/external/members');
  await expect(response).toContainText(/^\s*200 OK/);

  await page.getByRole('button', { name: 'History' }).click();
  await expect(entries).toHaveCount(4);

  // Persisted history holds neither the client secret nor the access token, in any form.
  for (const needle of [secret, encodeURIComponent(secret), basic, accessToken]) {
    expect(filesContaining(app.dataDir, needle)).toEqual([]);
  }
  expect(filesContaining(app.dataDir, '/api/external/members').length).toBeGreaterThan(0);

  await drawer.getByRole('button', { name: 'Clear history' }).click();
  await expect(drawer).toContainText('No calls yet.');
});
