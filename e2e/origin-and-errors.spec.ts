import { expect, test } from './fixtures';
import { openNewRequest } from './workspace-steps';

test('the token goes to another origin only after an explicit confirmation', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  // The ticked scope is an unsaved edit: Get token asks, and never saves silently.
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await page.getByRole('button', { name: 'Save and get token' }).click();
  await expect(page.getByRole('textbox', { name: 'Access token' })).not.toHaveValue('');

  // Same server, other origin: localhost instead of 127.0.0.1.
  const base = await page.getByText(/Built-in sandbox at/).textContent();
  const port = /127\.0\.0\.1:(\d+)/.exec(base ?? '')?.[1];
  expect(port).toBeTruthy();
  await openNewRequest(page);
  const url = page.getByRole('textbox', { name: 'URL', exact: true });
  await url.fill(`http://localhost:${port}/api/external/members`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`http://localhost:${port}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send anyway' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
});

test('a token endpoint that refuses the connection is named as such, and the profile stays', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New profile' }).first().click();
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Nothing listens here');
  await page.getByRole('textbox', { name: 'Base URL' }).fill('http://127.0.0.1:9');
  await page.getByRole('textbox', { name: 'Client ID' }).fill('some-client');
  await page.getByLabel('Client secret').fill('some-secret-value');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Get token' }).click();
  await expect(page.getByText('Connection refused').first()).toBeVisible();
  // The alert says what happened, "Why did this fail?" what to change: the sentence once.
  const pane = page.getByRole('region', { name: 'Token', exact: true });
  await expect(pane.getByRole('region', { name: 'Diagnosis' })).toBeVisible();
  await expect(pane.getByText(/refused the connection: nothing is listening/)).toHaveCount(1);
  await page.reload();
  await expect(page.getByText('Nothing listens here').first()).toBeVisible();
});

test('a bad Base URL is refused with the field named, and nothing typed is lost', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New profile' }).first().click();
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Plain http');
  await page.getByRole('textbox', { name: 'Base URL' }).fill('http://proxy.example.com');
  await page.getByRole('textbox', { name: 'Client ID' }).fill('client-x');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(
    page.getByText(/Base URL may use plain http only for a loopback/).first(),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue('client-x');
});
