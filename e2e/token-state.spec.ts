import { getToken, sandboxProfile } from './diagnosis-helpers';
import { expect, test } from './fixtures';

// Starts a sandbox and waits for an automatic renewal (7.5 s on a 15-second token).
test.describe.configure({ timeout: 120_000 });

test('a failed Get token after a good one shows invalid_client, and the earlier token only as earlier', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page);
  const first = await getToken(page);
  // The detail says where the token endpoint's address came from.
  await expect(page.getByLabel('Token endpoint source')).toHaveText(
    /^Token endpoint (from the profile|from the server's discovery document|by convention)/,
  );

  // The sandbox client is registered for client_secret_basic: the post method is refused.
  await page
    .getByRole('combobox', { name: 'Authentication method' })
    .selectOption('client_secret_post');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Get token' }).click();

  const failure = page.getByRole('alert').filter({ hasText: 'invalid_client' }).first();
  await expect(failure).toBeVisible();
  await expect(page.getByRole('group', { name: 'Token state' })).toContainText('✖');
  await expect(page.getByText('This token was requested earlier')).toHaveCount(0);
  // The first finding compares this call with the one that got the token: the method changed.
  await expect(page.getByRole('group', { name: 'Token state' })).toContainText(
    /since then Authentication method changed/,
  );
  await expect(
    page.getByText(/Set Authentication method back to client_secret_basic\./).first(),
  ).toBeVisible();
  // Wherever the earlier token still appears, it is labelled as the earlier one.
  const shownFirst = page
    .getByRole('textbox', { name: 'Access token' })
    .and(page.locator(`[value="${first}"]`));
  const labelledEarlier = page.getByLabel(/earlier token/i).getByRole('textbox', {
    name: 'Access token',
  });
  await expect(async () => {
    expect(await shownFirst.count()).toBe(await labelledEarlier.count());
  }).toPass();
  await expect(failure).toBeVisible();
});

test('an automatic renewal that fails appears in history with its finding', async ({ app }) => {
  const { page } = app;
  await sandboxProfile(page, { clientId: 'sandbox-short-lived' });
  await page.getByRole('switch', { name: /Renew automatically/ }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await getToken(page);

  // The next renewal goes out with a method the client is not registered for.
  await page
    .getByRole('combobox', { name: 'Authentication method' })
    .selectOption('client_secret_post');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByLabel('Automatic renewal')).toContainText(
    /Automatic renewal failed: .*invalid_client/,
    { timeout: 30_000 },
  );

  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'History' });
  const entries = drawer.getByRole('list', { name: 'History entries' }).getByRole('listitem');
  const renewal = entries.filter({ hasText: '/oauth2/token' }).filter({ hasText: '401' }).first();
  await expect(renewal).toContainText(/finding/);
  await renewal.click();
  await expect(drawer.getByRole('alert').first()).toContainText('invalid_client');
  await expect(drawer.getByText(/did not accept the client \(invalid_client\)/)).toBeVisible();
});
