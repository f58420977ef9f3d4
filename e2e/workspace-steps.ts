import type { Page } from '@playwright/test';

/** Opens a new request tab for the profile on screen (its "New request" button). */
export async function openNewRequest(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New request', exact: true }).click();
  await page.getByRole('textbox', { name: 'URL', exact: true }).waitFor();
}

/** Shows a profile's own tab again (the tab strip's button with the profile's name). */
export async function showProfileTab(page: Page, name = 'Sandbox'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Open tabs' })
    .getByRole('button', { name, exact: true })
    .click();
}

/** Shows the first open request tab again, whatever it is called now. */
export async function showRequestTab(page: Page): Promise<void> {
  await page.locator('nav[aria-label="Open tabs"] button[data-tab^="request:"]').first().click();
  await page.getByRole('textbox', { name: 'URL', exact: true }).waitFor();
}

/** The URL field of a request tab, opening one when none is on screen. */
export async function requestUrl(page: Page) {
  const field = page.getByRole('textbox', { name: 'URL', exact: true });
  if (!(await field.isVisible())) await openNewRequest(page);
  return field;
}
