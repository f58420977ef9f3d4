import { expect, test } from './fixtures';
import { filesContaining } from './data-dir-scan';

test('a new user completes the authorization-code flow in a second tab and sees the token', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible();

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
