import { expect, test } from './fixtures';
import { getToken, responseDiagnosis, sandboxProfile, send } from './diagnosis-helpers';

test('expired token: the diagnosis reads the countdown', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await sandboxProfile(page, { clientId: 'sandbox-short-lived' });
  await getToken(page);
  await expect(page.getByText('Expired', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await send(page, '/api/external/members');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*401 Unauthorized/);
  const diagnosis = responseDiagnosis(page);
  await expect(diagnosis).toContainText('The token had expired');
  await expect(diagnosis).toContainText('countdown');
  await expect(diagnosis).toContainText('Get token');
});

test('missing scope: insufficient_scope with the server scope hint', async ({ app }) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['team.user-group-info:read'] });
  await getToken(page);
  await send(page, '/log/api/external/audit');
  const diagnosis = responseDiagnosis(page);
  await expect(diagnosis).toContainText('The token lacks the scope audit.log:read');
  await expect(diagnosis).toContainText('insufficient_scope');
  await expect(diagnosis).toContainText('team.user-group-info:read');
});

test('missing permission: the scope is in the token, the permission is not', async ({ app }) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['authorization.permissions:read'] });
  await getToken(page);
  await send(page, '/api/authorization/external/permissions');
  const diagnosis = responseDiagnosis(page);
  await expect(diagnosis).toContainText('The scope is there, the permission is not');
  await expect(diagnosis).toContainText('Admin & Settings > Permissions');
  await expect(diagnosis).toContainText('ADMIN_ACCESS_ERROR');
});

test('API not enabled: 403 with an empty body', async ({ app }) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['platform-adoption.tracking-events:read'] });
  await getToken(page);
  await send(page, '/platform-adoption/api/external/v2/adoption-tracking-events/VIEW');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText(/^\s*403 Forbidden/);
  await expect(responseDiagnosis(page)).toContainText('The API is not enabled for this team');
});

test('rate limited: the fourth buckets call waits for the reset', async ({ app }) => {
  const { page } = app;
  await sandboxProfile(page, { scopes: ['storage-manager.buckets'] });
  await getToken(page);
  const response = page.getByRole('region', { name: 'Response' });
  for (let i = 2; i >= 0; i--) {
    await send(page, '/storage-manager/api/buckets?feature=SFTP');
    await expect(response).toContainText(`Rate limit: ${i} of 3 left`);
  }
  await send(page, '/storage-manager/api/buckets?feature=SFTP');
  await expect(response).toContainText(/^\s*429 Too Many Requests/);
  const diagnosis = responseDiagnosis(page);
  await expect(diagnosis).toContainText('Rate limited');
  await expect(diagnosis).toContainText(/Wait \d+ s \(until \d\d:\d\d:\d\d UTC\)/);
  await expect(diagnosis).toContainText('x-ratelimit-reset');
});

test('wrong authentication method without other evidence: check the secret, run the method probe', async ({
  app,
}) => {
  const { page } = app;
  await sandboxProfile(page, { clientId: 'sandbox-post' });
  await page.getByRole('button', { name: 'Get token' }).click();
  const diagnosis = page
    .getByRole('region', { name: 'Token' })
    .getByRole('region', { name: 'Diagnosis' });
  await expect(diagnosis).toContainText('invalid_client');
  await expect(diagnosis).toContainText('method probe');
  // invalid_client alone cannot tell a wrong secret from a wrong method (issue 8, item 4).
  await expect(diagnosis).not.toContainText('registered for client_secret_post');
});
