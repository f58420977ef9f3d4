import { expect, test } from './fixtures';
import { filesContaining } from './data-dir-scan';
import { getToken, sandboxProfile } from './diagnosis-helpers';

// Each test starts a sandbox, signs in in a second tab or runs a paced probe: allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a new user completes the authorization-code flow in a second tab and sees the token', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  // Starting the sandbox generates its keys: slow on a loaded machine.
  await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('combobox', { name: 'Grant type' }).selectOption('Authorization code');
  await expect(page.getByRole('textbox', { name: 'Redirect URI', exact: true })).toHaveValue(
    'http://127.0.0.1/callback',
  );
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('user-group');
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Get token' }).click();

  const authorizationUrl = page.getByRole('textbox', { name: 'Authorization URL' });
  await expect(authorizationUrl).toHaveValue(/\/oauth2\/authorize\?response_type=code&/);
  const url = await authorizationUrl.inputValue();
  expect(url).toContain('code_challenge_method=S256');

  // The user signs in in a second tab, as in the system browser.
  const tab = await app.newPage();
  await tab.goto(url);
  await tab.locator('input[name=login]').fill('ada@example.com');
  await tab.locator('input[name=password]').fill('any password');
  await tab.getByRole('button', { name: 'Sign-in' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();
  await expect(tab.getByText('Return to Token Workbench.')).toBeVisible();

  const token = page.getByRole('textbox', { name: 'Access token' });
  await expect(token).not.toHaveValue('');
  await expect(page.getByText(/^Expires in 14:5\d$/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Authorization URL' })).toHaveCount(0);

  // Refresh uses the kept refresh token and gives a new access token.
  const first = await token.inputValue();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(token).not.toHaveValue(first);
  await page.getByRole('button', { name: 'Show the token exchange on the wire' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Response' })).toContainText(
    '"refresh_token": "••••••"',
  );
  await page.getByRole('tab', { name: 'Request' }).click();
  await expect(page.getByText('grant_type=refresh_token&refresh_token=••••••')).toBeVisible();

  expect(filesContaining(app.dataDir, await token.inputValue())).toEqual([]);
});

test('the scope probe runs to the end with its progress bar, and its granted set goes into the profile', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue('sandbox-basic', {
    timeout: 30_000,
  });
  await page.getByRole('textbox', { name: 'Client ID' }).fill('sandbox-limited');
  for (const scope of ['team.user-group-info:read', 'audit.log:read', 'studio']) {
    await page.getByRole('textbox', { name: 'Search scopes' }).fill(scope);
    await page.getByRole('checkbox', { name: scope, exact: true }).check();
  }
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('');
  await page.getByRole('button', { name: 'Save profile' }).click();

  const checks = page.getByRole('region', { name: 'Client checks' });
  // The saved profile's three scopes are what the probe asks for.
  await expect(checks.getByRole('option', { name: 'Ticked in the profile (3)' })).toBeAttached({
    timeout: 30_000,
  });
  await expect(checks.getByRole('combobox', { name: 'Scopes to probe' })).toHaveValue('profile');
  await checks.getByRole('button', { name: 'Probe scopes' }).click();
  await expect(checks.getByText('4 of 4 requests (done)')).toBeVisible();
  await expect(checks.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', '100');

  const table = checks.getByRole('table', { name: 'Scope probe' });
  const verdict = (scope: string) =>
    table.getByRole('row').filter({ hasText: scope }).first().getByRole('cell').nth(1);
  await expect(verdict('team.user-group-info:read')).toHaveText('granted');
  await expect(verdict('audit.log:read')).toHaveText('granted');
  await expect(verdict('studio')).toHaveText('rejected');
  await expect(table.getByRole('row').filter({ hasText: 'studio' }).first()).toContainText(
    'invalid_scope',
  );

  await checks.getByRole('button', { name: 'Use granted scopes' }).click();
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('studio');
  await expect(page.getByRole('checkbox', { name: 'studio', exact: true })).not.toBeChecked();

  await checks.getByRole('button', { name: 'Probe authentication methods' }).click();
  const methods = checks.getByRole('table', { name: 'Authentication method probe' });
  await expect(methods.getByRole('row').filter({ hasText: 'client_secret_post' })).toContainText(
    'rejected',
  );
  await expect(
    methods.getByRole('row').filter({ hasText: 'client_secret_basic (RFC 6749 encoding)' }),
  ).toContainText('accepted');
});

test('Copy token and Copy Authorization header copy the token on screen, and the new one after Get token', async ({
  app,
}) => {
  const { page } = app;
  // The browser host grants the page the clipboard (Electron's own page has it already).
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'])
    .catch(() => undefined);
  const clipboard = () => page.evaluate<string>('navigator.clipboard.readText()');
  const bar = page.getByRole('region', { name: 'Token bar' });
  await sandboxProfile(page);
  const first = await getToken(page);
  await bar.getByRole('button', { name: 'Copy token' }).click();
  await expect(bar.getByRole('button', { name: 'Copy token' })).toHaveText('Copied');
  expect(await clipboard()).toBe(first);

  await page.getByRole('button', { name: 'Get token' }).click();
  const field = page.getByRole('textbox', { name: 'Access token' });
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  expect(second).not.toBe('');
  await bar.getByRole('button', { name: 'Copy token' }).click();
  await expect.poll(clipboard).toBe(second);
  await bar.getByRole('button', { name: 'Copy Authorization header' }).click();
  await expect.poll(clipboard).toBe(`Authorization: Bearer ${second}`);
});
