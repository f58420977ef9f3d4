import { sandboxProfile } from './diagnosis-helpers';
import { expect, test } from './fixtures';

// Starts a sandbox and signs in on its verification page: allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test('a public client gets a token with the device code, as the platform CLI does', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page, {
    clientId: 'sandbox-public',
    scopes: ['team.user-group-info:read'],
  });
  await page.getByRole('combobox', { name: 'Grant type' }).selectOption('Device code');
  await page.getByRole('combobox', { name: 'Authentication method' }).selectOption('none');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Get token' }).click();

  const userCode = page.getByLabel('User code', { exact: true });
  await expect(userCode).toHaveText(/\S{4,}/);
  await expect(page.getByText(/The code expires in/)).toBeVisible();
  const code = (await userCode.textContent())?.trim() ?? '';
  const verificationUri =
    (await page.getByLabel('Verification URI', { exact: true }).textContent())?.trim() ?? '';
  expect(verificationUri).toMatch(/\/oauth2\/device$/);

  // The user enters the code on another device (here: a second tab), signs in and consents.
  const tab = await app.newPage();
  await tab.goto(verificationUri);
  await tab.locator('input[name=user_code]').fill(code);
  await tab.getByRole('button', { name: 'Continue' }).click();
  await expect(tab.getByText('Confirm device')).toBeVisible();
  await expect(tab.getByText(code)).toBeVisible();
  await tab.getByRole('button', { name: 'Continue' }).click();
  await tab.locator('input[name=login]').fill('grace@example.com');
  await tab.locator('input[name=password]').fill('any password');
  await tab.getByRole('button', { name: 'Sign-in' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();

  // The app was polling all along and now shows the token with its countdown.
  await expect(page.getByRole('textbox', { name: 'Access token' })).not.toHaveValue('', {
    timeout: 30_000,
  });
  await expect(page.getByText(/^Expires in 14:5\d$/)).toBeVisible();
  await expect(page.getByLabel('User code', { exact: true })).toHaveCount(0);
});
