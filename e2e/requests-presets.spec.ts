import { sandboxProfile } from './diagnosis-helpers';
import { expect, test } from './fixtures';

test("the client check's fix for a scope opens a request tab with that scope's preset chosen", async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  // This sandbox client gets the login-history scope but has no permission for its API.
  await sandboxProfile(page, {
    clientId: 'sandbox-no-permission',
    scopes: ['team.user-group-info:read', 'team.login-history:read'],
  });
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Client check', exact: true });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: 'Check this client' }).click();
  await expect(panel.getByLabel('Check summary')).toContainText('Summary: failed', {
    timeout: 60_000,
  });
  await panel.getByRole('button', { name: 'Open the presets for team.login-history:read' }).click();

  const url = page.getByRole('textbox', { name: 'URL', exact: true });
  await expect(url).toHaveValue('/api/external/authentication-events?pageNumber=0&pageSize=50');
  await expect(page.getByRole('combobox', { name: 'API preset' })).toHaveValue(
    /^GET \/api\/external\/authentication-events — Login history of the team$/,
  );
  await expect(page.getByText('Needs scope team.login-history:read')).toBeVisible();
});
