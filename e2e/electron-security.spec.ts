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
  const surface = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    workbench: Object.keys((window as unknown as { workbench: object }).workbench).length,
    frozen: Object.isFrozen((window as unknown as { workbench: object }).workbench),
  }));
  expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', frozen: true });
  expect(surface.workbench).toBeGreaterThan(10);
});
