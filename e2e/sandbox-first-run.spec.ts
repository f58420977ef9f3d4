import { expect, test } from './fixtures';
import { filesContaining } from './data-dir-scan';
import { openNewRequest } from './workspace-steps';

test('a new user tries the sandbox: token, countdown, a granted call and a refused one', async ({
  app,
}) => {
  const { page } = app;

  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible();

  await page.getByRole('textbox', { name: 'Search scopes' }).fill('user-group');
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  await expect(page.getByText('scope=team.user-group-info:read')).toBeVisible();
  await page.getByRole('button', { name: 'Save profile' }).click();

  await page.getByRole('button', { name: 'Get token' }).click();
  const token = page.getByRole('textbox', { name: 'Access token' });
  await expect(token).not.toHaveValue('');
  const accessToken = await token.inputValue();

  // The token's JWT header and claims, and its exp and the server's clock (the skew measured
  // when the token arrived) cross-checked with expires_in: worked out in the page.
  await page.getByRole('button', { name: 'Show JWT header and claims (not verified)' }).click();
  await expect(
    page.getByText(/exp vs expires_in: -?[01] s\. Server clock skew: -?[01] s\./),
  ).toBeVisible();
  await expect(page.getByLabel('JWT header and claims')).toContainText('"client_id"');

  // The countdown starts at 899 s and goes down.
  const countdown = page.getByText(/^Expires in \d+:\d\d$/);
  await expect(countdown).toHaveText(/Expires in 14:5\d/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? '', { timeout: 5000 });

  await openNewRequest(page);
  await page.getByRole('textbox', { name: 'URL' }).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  await expect(response).toContainText('ada@example.com');

  await page.getByRole('textbox', { name: 'URL' }).fill('/log/api/external/audit');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response).toContainText('403 Forbidden');
  await expect(response).toContainText('ADMIN_ACCESS_ERROR');

  // Nothing secret on disk: not the access token, not a secret typed into a profile.
  expect(filesContaining(app.dataDir, accessToken)).toEqual([]);
});

test('a secret typed into a profile never reaches the data dir', async ({ app }) => {
  const { page } = app;
  const secret = 'e2e-Secret+/=:% with space 7f3a9c';
  await page.getByRole('button', { name: 'New profile' }).first().click();
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Acme production');
  await page
    .getByRole('textbox', { name: 'Team' })
    .fill('https://acme.eu-1.celonis.cloud/package-manager');
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue('eu-1');
  await expect(page.getByRole('textbox', { name: 'Team' })).toHaveValue('acme');
  await page.getByRole('textbox', { name: 'Client ID' }).fill('0f1e2d3c-client');
  await page.getByLabel('Client secret').fill(secret);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText(/Saved in (the OS keychain|memory)/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('Acme production').first()).toBeVisible();
  expect(filesContaining(app.dataDir, secret)).toEqual([]);
  expect(filesContaining(app.dataDir, encodeURIComponent(secret))).toEqual([]);
});
