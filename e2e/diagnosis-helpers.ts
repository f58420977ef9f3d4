import { expect, type Page } from '@playwright/test';
import { requestUrl } from './workspace-steps';

/** Starts the sandbox profile, optionally with another client ID and some scopes, and saves it. */
export async function sandboxProfile(
  page: Page,
  options: { clientId?: string; scopes?: string[] } = {},
): Promise<void> {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  if (options.clientId) {
    await page.getByRole('textbox', { name: 'Client ID' }).fill(options.clientId);
  }
  for (const scope of options.scopes ?? []) {
    await page.getByRole('textbox', { name: 'Search scopes' }).fill(scope);
    await page.getByRole('checkbox', { name: scope, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save profile' }).click();
}

export async function getToken(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Get token' }).click();
  const token = page.getByRole('textbox', { name: 'Access token' });
  await expect(token).not.toHaveValue('');
  return token.inputValue();
}

export async function send(page: Page, url: string): Promise<void> {
  // The request lives in its own tab: opened from the profile's tab when none is on screen.
  await (await requestUrl(page)).fill(url);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

export function responseDiagnosis(page: Page) {
  return page.getByRole('region', { name: 'Response' }).getByRole('region', { name: 'Diagnosis' });
}
