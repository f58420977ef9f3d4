import { expect, test } from './fixtures';
import { openNewRequest } from './workspace-steps';

test('a JSON response folds and unfolds in the fold gutter', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  // The ticked scope is an unsaved edit: Get token asks first.
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await page.getByRole('button', { name: 'Save and get token' }).click();
  await expect(page.getByRole('textbox', { name: 'Access token' })).not.toHaveValue('');
  await openNewRequest(page);
  await page.getByRole('textbox', { name: 'URL', exact: true }).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  await expect(response).toContainText('grace@example.com');

  // The fold marker sits in the gutter at the height of the line that opens "content".
  const contentLine = response.locator('.cm-line', { hasText: '"content": [' });
  const lineBox = await contentLine.boundingBox();
  if (!lineBox) throw new Error('the "content" line is not laid out');
  const markers = response.locator('.cm-foldGutter .cm-gutterElement');
  let marker = markers.first();
  for (let i = 0; i < (await markers.count()); i++) {
    const box = await markers.nth(i).boundingBox();
    if (box && Math.abs(box.y - lineBox.y) < 2) marker = markers.nth(i);
  }
  await marker.locator('[title="Fold line"]').click();
  await expect(response.getByText('grace@example.com')).toHaveCount(0);
  await expect(response).toContainText('"content": [');

  await marker.locator('[title="Unfold line"]').click();
  await expect(response.getByText('grace@example.com')).toBeVisible();

  // The visible search still finds text in the folded view.
  await page.getByRole('textbox', { name: 'Search body' }).fill('grace@');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(response).toContainText('1 of 1 lines (1 matches)');
});
