import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNewRequest } from './workspace-steps';

function urlField(page: Page) {
  return page.getByRole('textbox', { name: 'URL', exact: true });
}

async function saveAs(page: Page, name: string) {
  await page.getByRole('button', { name: 'Save request' }).click();
  await page.getByRole('dialog', { name: 'Save request' }).getByRole('textbox').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Saved as ${name}` })).toBeVisible();
}

test('the sidebar follows duplicate, rename and delete at once; rows rename and delete with undo; its width is kept, by mouse and by keyboard', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('button', { name: 'Get token' })).toBeVisible({ timeout: 30_000 });
  await openNewRequest(page);
  await urlField(page).fill('/api/external/members');
  await saveAs(page, 'Members');
  const sidebar = page.getByRole('navigation', { name: 'Profiles' });
  const tabs = page.getByRole('navigation', { name: 'Open tabs' });
  await sidebar.getByRole('button', { name: 'Show saved requests of Sandbox' }).click();
  // Saving a new request names it in its tab reference: the sidebar marks it as on screen.
  await expect(sidebar.getByRole('button', { name: 'GET Members' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Duplicate opens the copy in its own tab, and the sidebar lists it without another save.
  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate request' }).click();
  await expect(tabs.getByRole('button', { name: 'Members copy', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(sidebar.getByRole('button', { name: 'GET Members copy' })).toBeVisible();

  // Rename from the tab: the sidebar shows the new name at once.
  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename request' }).click();
  await page.getByRole('dialog', { name: 'Rename request' }).getByRole('textbox').fill('Copy A');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(sidebar.getByRole('button', { name: 'GET Copy A' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'GET Members copy' })).toHaveCount(0);

  // Rename from the sidebar's row menu: the sidebar and the open tab both follow.
  await sidebar.getByRole('button', { name: 'Actions for request Copy A' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByRole('dialog', { name: 'Rename request' }).getByRole('textbox').fill('Copy B');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(sidebar.getByRole('button', { name: 'GET Copy B' })).toBeVisible();
  await expect(tabs.getByRole('button', { name: 'Copy B', exact: true })).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // Delete from the row menu, then Undo.
  await sidebar.getByRole('button', { name: 'Actions for request Copy B' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted request Copy B' }),
  ).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'GET Copy B' })).toHaveCount(0);
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo deleting Copy B' }).click();
  await expect(sidebar.getByRole('button', { name: 'GET Copy B' })).toBeVisible();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // Delete from the tab: the sidebar drops the row without a later save.
  await page.getByRole('button', { name: 'More request actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete request' }).click();
  await expect(sidebar.getByRole('button', { name: 'GET Copy B' })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: 'GET Members' })).toBeVisible();

  // The sidebar's width is a layout preference kept across a reload of the app.
  const aside = page.getByRole('complementary', { name: 'Sidebar' });
  const before = (await aside.boundingBox())?.width ?? 0;
  const separator = page.getByRole('separator', { name: 'Resize the sidebar' });
  const box = await separator.boundingBox();
  if (!box) throw new Error('no separator on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  const wider = (await aside.boundingBox())?.width ?? 0;
  expect(wider).toBeGreaterThan(before + 80);
  await page.reload();
  await expect(aside).toBeVisible();
  await expect
    .poll(async () => Math.round((await aside.boundingBox())?.width ?? 0))
    .toBeGreaterThan(Math.round(wider) - 3);
  expect(Math.round((await aside.boundingBox())?.width ?? 0)).toBeLessThan(Math.round(wider) + 3);

  // The separator also moves with the keyboard, and says its width in pixels.
  await separator.focus();
  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '200');
  expect(Math.round((await aside.boundingBox())?.width ?? 0)).toBe(200);
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '216');
  await page.keyboard.press('End');
  await expect(separator).toHaveAttribute('aria-valuenow', '560');
  expect(Math.round((await aside.boundingBox())?.width ?? 0)).toBe(560);
});
