import { readFile } from 'node:fs/promises';
import { sandboxProfile } from './diagnosis-helpers';
import { expect, test } from './fixtures';

// Check this client on the sandbox: a client registered for client_secret_post, profiled with
// client_secret_basic. The check fails at Authentication method; its one-click fix switches the
// method; the check passes; the report is exported without a secret or token.

test('Check this client: a failed step, its one-click fix, a passing check, the report exported', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await sandboxProfile(page, { clientId: 'sandbox-post', scopes: ['team.user-group-info:read'] });
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const panel = page.getByRole('region', { name: 'Client check', exact: true });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: 'Check this client' }).click();
  const summary = panel.getByLabel('Check summary');
  await expect(summary).toContainText('Summary: failed', { timeout: 60_000 });
  await expect(summary).toContainText('Authentication method failed');

  const steps = panel.getByRole('list', { name: 'Check steps' });
  await expect(steps.getByRole('listitem', { name: 'Team address: passed' })).toBeVisible();
  const method = steps.getByRole('listitem', { name: 'Authentication method: failed' });
  await method.getByRole('button', { name: 'Show evidence for Authentication method' }).click();
  await expect(method).toContainText('Finding: The client is registered for client_secret_post');
  await expect(method.getByRole('table', { name: 'Authentication method evidence' })).toContainText(
    'client_secret_post',
  );

  await method.getByRole('button', { name: 'Use the accepted method: client_secret_post' }).click();
  await expect(panel.getByRole('status')).toContainText('saved');
  await expect(page.getByRole('combobox', { name: 'Authentication method' })).toHaveValue(
    'client_secret_post',
  );

  await panel.getByRole('button', { name: 'Check this client' }).click();
  await expect(summary).toContainText('Summary: passed', { timeout: 60_000 });
  await expect(summary).toContainText('Works for all 1 scope with a read-only preset.');
  await expect(steps.getByRole('listitem', { name: 'Token signature: passed' })).toBeVisible();

  // The evidence is masked when recorded: the token request went out with client_secret_post,
  // and neither its client ID nor its secret is on screen, with or without presentation mode.
  const tokenStep = steps.getByRole('listitem', { name: 'Token: passed' });
  await tokenStep.getByRole('button', { name: 'Show evidence for Token' }).click();
  await expect(tokenStep).toContainText('client_secret=••••••');
  await expect(tokenStep).not.toContainText('sandbox-post');
  await page.getByRole('switch', { name: 'Presentation mode' }).check();
  await expect(tokenStep).toContainText('client_secret=••••••');
  await expect(tokenStep).not.toContainText('sandbox-post');
  await page.getByRole('switch', { name: 'Presentation mode' }).uncheck();

  for (const [button, marker] of [
    ['Export report (HTML)', '<!doctype html>'],
    ['Export report (Markdown)', '# Client check: Sandbox'],
  ] as const) {
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: button }).click();
    const file = await (await download).path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain(marker);
    expect(text).toContain('sa…st');
    expect(text).not.toContain('sandbox-post');
    // Sandbox tokens are JWTs: none may be in the report, nor the Basic value of the secret.
    expect(text).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/);
    expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{12,}/);
  }

  // Where the token's claims are shown, its signature is checked against the issuer's keys.
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Token signature' })).toContainText(
    /^Signature verified with key \S+ of http:\/\/127\.0\.0\.1:\d+$/,
  );

  // The last result per profile is kept in history.
  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  const checks = page.getByRole('dialog', { name: 'History' }).getByRole('region', {
    name: 'Client checks',
  });
  await expect(checks.getByRole('listitem')).toHaveCount(1);
  await expect(checks.getByRole('listitem')).toContainText('passed');
  await expect(checks.getByRole('listitem')).toContainText('Works for all 1 scope');
});
