import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNewRequest } from './workspace-steps';
import { RPC_SOCKET_PATH } from '../shared/operations';

test.describe.configure({ timeout: 120_000 });

async function sandboxWithScope(page: Page) {
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('user-group');
  await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
}

async function expectInViewport(page: Page, locator: Locator, what: string) {
  const viewport = page.viewportSize()!;
  const box = await locator.boundingBox();
  expect(box, `${what} is on screen`).not.toBeNull();
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + Math.min(box!.width, 200), `${what} right`).toBeLessThanOrEqual(viewport.width);
}

/** Get token, open a request, send it: then expiry, status and the body's first lines must show. */
async function oneScreen(page: Page) {
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(page.getByText(/^Expires in \d+:\d\d$/)).toBeVisible();
  await openNewRequest(page);
  await page.getByRole('textbox', { name: 'URL', exact: true }).fill('/api/external/members');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(/^\s*200 OK/);
  await expectInViewport(page, page.getByText(/^Expires in \d+:\d\d$/), 'the token bar expiry');
  await expectInViewport(page, response.getByText('200 OK', { exact: true }).first(), 'status');
  const firstLines = response.locator('.cm-line');
  await expect(firstLines.nth(3)).toBeVisible();
  for (const i of [0, 1, 2, 3])
    await expectInViewport(page, firstLines.nth(i), `body line ${i + 1}`);
  // The page itself does not scroll: everything above is in one screen.
  const overflow = await page.evaluate<number>(
    '(document.scrollingElement.scrollHeight - window.innerHeight)',
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('one screen at 1440×900: expiry, response status and first body lines without scrolling', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await sandboxWithScope(page);
  await oneScreen(page);
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toBeVisible();
});

test('presentation mode at 1280×720: the same on one screen, larger text, sidebar folded away', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await sandboxWithScope(page);
  await page.getByRole('switch', { name: 'Presentation mode' }).check();
  await expect(page.getByText('Presenting: secrets hidden')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Personal data masked')).toBeVisible();
  // Everything in the header fits at this width (nothing pushed out of the row).
  const overflow = await page
    .getByRole('banner')
    .evaluate((el) => el.firstElementChild!.scrollWidth - el.firstElementChild!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toHaveCount(0);
  const scale = await page.evaluate<string>(
    `getComputedStyle(document.documentElement).getPropertyValue('--mantine-scale')`,
  );
  expect(Number(scale)).toBeGreaterThan(1);
  await oneScreen(page);
  // The sidebar comes back on request.
  await page.getByRole('button', { name: 'Show sidebar' }).click();
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toBeVisible();
});

async function revealSecret(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  const text = await page.getByTestId('revealed-secret').innerText();
  await page.getByRole('button', { name: 'Hide secret' }).click();
  return text.replace(/\s*\(hides again after 30 s\)\s*$/, '');
}

test('Get token with unsaved edits asks: without saving uses the draft once, the saved secret stays', async ({
  app,
}) => {
  const { page } = app;
  await sandboxWithScope(page);
  const saved = await revealSecret(page);
  expect(saved.length).toBeGreaterThan(20);

  // A mistyped secret, not saved: the one request uses it and fails; nothing is stored.
  await page.getByLabel('Client secret').fill('mistyped-secret-value');
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The profile has unsaved changes' });
  await dialog.getByRole('button', { name: 'Get token without saving' }).click();
  const pane = page.getByRole('region', { name: 'Token', exact: true });
  await expect(pane.getByText('Sent with unsaved edits')).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Diagnosis' })).toContainText('invalid_client');
  await expect(page.getByRole('group', { name: 'Token state' })).toContainText('invalid_client');
  await expect(page.getByRole('group', { name: 'Token state' })).toBeFocused();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  expect(await revealSecret(page)).toBe(saved);

  // With the saved profile the token comes; a failed attempt after it is never shown as success.
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(page.getByText(/^Expires in \d+:\d\d$/)).toBeVisible();

  // "Save and get token" saves first: the newly ticked scope is in the saved profile and the token.
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('audit.log');
  await page.getByRole('checkbox', { name: 'audit.log:read', exact: true }).check();
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await page.getByRole('button', { name: 'Save and get token' }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(pane.getByText('audit.log:read', { exact: true }).first()).toBeVisible();
  await expect(pane.getByText('Sent with unsaved edits')).toHaveCount(0);
  expect(await revealSecret(page)).toBe(saved);
});

test('Get token pressed while Save still runs waits for that save: no question, the saved scopes', async ({
  app,
}) => {
  const { page } = app;
  // The save is held on its way to the host, so Get token surely lands while it runs: over the
  // RPC socket (routed from a reload on, messages passed on as they come) and over POST /rpc.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  await page.routeWebSocket(`**${RPC_SOCKET_PATH}`, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage(async (message) => {
      if (holding && String(message).includes('"op":"saveProfile"')) await held;
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.route('**/rpc/saveProfile', async (route) => {
    if (holding) await held;
    await route.continue();
  });
  await page.reload();
  await sandboxWithScope(page);
  holding = true;
  await page.getByRole('textbox', { name: 'Search scopes' }).fill('audit.log');
  await page.getByRole('checkbox', { name: 'audit.log:read', exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Get token', exact: true }).click();
  await expect(page.getByText('Unsaved changes', { exact: true })).toBeVisible();
  release();
  const pane = page.getByRole('region', { name: 'Token', exact: true });
  await expect(pane.getByText('audit.log:read', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'The profile has unsaved changes' })).toHaveCount(
    0,
  );
  await expect(pane.getByText('Sent with unsaved edits')).toHaveCount(0);
  await page.unroute('**/rpc/saveProfile');
});

/** How many tabs the host has saved for the workspace (read over POST /rpc, as a new page would). */
async function savedTabCount(page: Page): Promise<number> {
  const key = await page.evaluate<string>("sessionStorage.getItem('workbench-key') ?? ''");
  return page.evaluate(async (key) => {
    const res = await fetch('/rpc/getWorkspaceState', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-key': key },
      body: '{}',
    });
    const envelope = (await res.json()) as { value: { tabs: unknown[] } };
    return envelope.value.tabs.length;
  }, key);
}

test('Try the sandbox with profiles present gives a new, numbered sandbox profile', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue('sandbox-basic');
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  await sidebar.getByRole('button', { name: 'Try the sandbox' }).click();
  const tabs = page.getByRole('navigation', { name: 'Open tabs' });
  await expect(tabs.getByRole('button', { name: 'Sandbox 2', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const list = page.getByRole('navigation', { name: 'Profiles' });
  await expect(list.getByRole('button', { name: 'Sandbox', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Sandbox 2', exact: true })).toBeVisible();
});

test('keyboard: Ctrl+K jumps, Ctrl+S saves, Ctrl+W asks, Enter sends, Ctrl+Tab switches, tabs come back', async ({
  app,
}) => {
  const { page } = app;
  await sandboxWithScope(page);
  const tabs = page.getByRole('navigation', { name: 'Open tabs' });
  const current = tabs.locator('[aria-current="page"]');

  // Ctrl+S saves the profile tab and moves focus to the outcome.
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Sandbox renamed');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(page.getByText('Saved', { exact: true })).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Profiles' })).toContainText('Sandbox renamed');

  // Ctrl+Shift+G gets a token; Enter in the URL field sends.
  await page.keyboard.press('Control+Shift+G');
  await expect(page.getByText(/^Expires in \d+:\d\d$/)).toBeVisible();
  await openNewRequest(page);
  const url = page.getByRole('textbox', { name: 'URL', exact: true });
  await url.fill('/api/external/members');
  await url.press('Enter');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText(/^\s*200 OK/);

  // Ctrl+Tab and Ctrl+Shift+Tab switch tabs.
  await page.keyboard.press('Control+Tab');
  await expect(current).toHaveAttribute('aria-label', 'Sandbox renamed');
  await page.keyboard.press('Control+Shift+Tab');
  await expect(current).not.toHaveAttribute('aria-label', 'Sandbox renamed');

  // Ctrl+K: the palette jumps to a profile by name.
  await page.keyboard.press('Control+Tab');
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(current).toHaveAttribute('aria-label', 'Sandbox');
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Search profiles, requests and actions' });
  await search.fill('renamed');
  await search.press('Enter');
  await expect(current).toHaveAttribute('aria-label', 'Sandbox renamed');

  // Ctrl+W on a tab with unsaved changes asks first; "Keep it open" keeps it.
  await page.getByRole('textbox', { name: 'Profile name' }).fill('Sandbox edited');
  await page.keyboard.press('Control+w');
  const ask = page.getByRole('dialog', { name: 'Close a tab with unsaved changes?' });
  await ask.getByRole('button', { name: 'Keep it open' }).click();
  await expect(current).toHaveAttribute('aria-label', 'Sandbox renamed (unsaved changes)');
  await page.keyboard.press('Control+w');
  // The open-tab list is written to main after the change: wait for that write.
  const open = await tabs.locator('button[data-tab]').count();
  await ask.getByRole('button', { name: 'Close without saving' }).click();
  await expect.poll(() => savedTabCount(page)).toBe(open - 1);
  await expect(tabs.getByRole('button', { name: /^Sandbox renamed/ })).toHaveCount(0);

  // Ctrl+/ lists the shortcuts.
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+K');
  await page.keyboard.press('Escape');

  // The open tabs come back after a restart of the page.
  const before = await tabs.locator('button[data-tab]').allInnerTexts();
  expect(before.length).toBeGreaterThan(1);
  await page.reload();
  await expect(tabs.locator('button[data-tab]')).toHaveCount(before.length);
  expect(await tabs.locator('button[data-tab]').allInnerTexts()).toEqual(before);
});
