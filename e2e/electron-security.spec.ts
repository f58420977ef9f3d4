import { expect, test } from './fixtures';

// The items of Electron's security checklist that only a running app can show. The browser host
// has its own attack table (electron/browser-host tests); these run in the "electron" project.
test('the Electron window is served from app://, isolated, with named methods only', async ({
  app,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'electron', 'checks the Electron window itself');
  const { page } = app;
  await expect(
    page.getByRole('heading', { name: /Token Workbench|sandbox/i }).first(),
  ).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/workbench\/index\.html/);
  // A string, as the e2e tsconfig has no DOM types.
  const surface = await page.evaluate<{
    require: string;
    process: string;
    workbench: number;
    frozen: boolean;
  }>(`({
    require: typeof window.require,
    process: typeof window.process,
    workbench: Object.keys(window.workbench).length,
    frozen: Object.isFrozen(window.workbench),
  })`);
  expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', frozen: true });
  expect(surface.workbench).toBeGreaterThan(10);
});
