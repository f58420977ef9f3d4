import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { getToken, sandboxProfile } from './diagnosis-helpers';
import { chosenHeaders, startRecordingServer } from './recording-server';
import { openNewRequest } from './workspace-steps';

const curlPresent = existsSync('/usr/bin/curl');
// Async: the recording server lives in this process and must answer while curl runs.
const run = promisify(execFile);

test('Copy as curl sends exactly what the app sent (API call, token as $ACCESS_TOKEN)', async ({
  app,
}) => {
  expect(curlPresent, '/usr/bin/curl is needed for this test').toBe(true);
  const server = await startRecordingServer();
  try {
    const { page } = app;
    await sandboxProfile(page);
    const accessToken = await getToken(page);

    await openNewRequest(page);
    await page.getByRole('combobox', { name: 'Method', exact: true }).selectOption('POST');
    await page
      .getByRole('textbox', { name: 'URL' })
      .fill(`${server.origin}/echo/it?pageSize=50&q=a%20b%26c`);
    await page.getByRole('tab', { name: /^Headers/ }).click();
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByRole('textbox', { name: 'Header 2 name' }).fill('X-Request-Id');
    await page.getByRole('textbox', { name: 'Header 2 value' }).fill(`it's "quoted" $HOME`);
    await page.getByRole('tab', { name: 'Body' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.insertText('{"name": "Zoë", "note": "it\'s $HOME"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('button', { name: 'Send anyway' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response).toContainText(/^\s*200 OK/);
    expect(server.requests).toHaveLength(1);

    await response.getByRole('button', { name: 'Copy as curl' }).click();
    const box = page.getByRole('textbox', { name: 'curl command' });
    await expect(box).toHaveValue(/^# Set first: ACCESS_TOKEN [^\n]*\n[^\n]*\ncurl /);
    const command = await box.inputValue();
    expect(command).toContain('"Authorization: Bearer $ACCESS_TOKEN"');
    expect(command).not.toContain(accessToken);

    await run('bash', ['-c', command], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ACCESS_TOKEN: accessToken,
        HOME: '/nowhere',
      },
      timeout: 20_000,
    });
    expect(server.requests).toHaveLength(2);
    const [sent, copied] = server.requests;
    expect(copied?.method).toBe(sent?.method);
    expect(copied?.url).toBe(sent?.url);
    expect(copied?.body).toBe(sent?.body);
    expect(chosenHeaders(copied?.headers ?? {})).toEqual(chosenHeaders(sent?.headers ?? {}));
    expect(sent?.headers.authorization).toBe(`Bearer ${accessToken}`);
  } finally {
    await server.close();
  }
});

test('Copy as curl for the token request: variables by default, real secret only when chosen', async ({
  app,
}) => {
  expect(curlPresent, '/usr/bin/curl is needed for this test').toBe(true);
  const { page } = app;
  await sandboxProfile(page, { scopes: ['audit.log:read'] });
  await getToken(page);
  const tokenPanel = page.getByRole('region', { name: 'Token' });
  await tokenPanel.getByRole('button', { name: 'Copy as curl' }).click();
  const box = page.getByRole('textbox', { name: 'curl command' });
  await expect(box).toHaveValue(/\$CLIENT_SECRET/);
  await page.getByRole('checkbox', { name: /Include secrets/ }).check();
  await expect(page.getByText('This command holds a secret')).toBeVisible();
  await expect(box).not.toHaveValue(/\$CLIENT_SECRET/);
  const command = await box.inputValue();
  // The command, run as copied, gets a token from the sandbox: the same request the app sent.
  const { stdout: out } = await run('bash', ['-c', command], { timeout: 20_000 });
  const body = JSON.parse(out) as { access_token?: string; scope?: string };
  expect(body.access_token).toBeTruthy();
  expect(body.scope).toBe('audit.log:read');
});
