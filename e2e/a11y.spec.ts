import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNewRequest, showProfileTab } from './workspace-steps';

// Seven axe passes per test on a busy 2-core machine: allow for it.
test.describe.configure({ timeout: 480_000 });

interface Finding {
  screen: string;
  id: string;
  impact: string;
  nodes: string[];
}

/** Serious and critical axe violations on the page as it is now (WCAG 2.1 A and AA rules). */
async function check(page: Page, screen: string, into: Finding[]) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    console.log(
      `axe ${screen}: ${v.id} (${v.impact}) ${v.nodes.length} node(s): ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
    );
    into.push({
      screen,
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: welcome, profile, request, history, settings and presentation mode (${scheme})`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const found: Finding[] = [];
    await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible();
    await check(page, 'welcome', found);

    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Get token', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Access token' })).not.toHaveValue('');
    await check(page, 'profile', found);

    await openNewRequest(page);
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill('/api/external/members');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    await check(page, 'request', found);

    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByRole('dialog', { name: 'History' })).toBeVisible();
    await check(page, 'history', found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'History' })).toBeHidden();

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await check(page, 'settings', found);
    await page.keyboard.press('Escape');

    await page.getByRole('switch', { name: 'Presentation mode' }).check();
    await expect(page.getByText('Presenting: secrets hidden')).toBeVisible();
    await check(page, 'presentation (request)', found);
    await showProfileTab(page);
    await check(page, 'presentation (profile)', found);

    console.log(
      `axe (${scheme}): ${found.length} serious or critical violation(s)` +
        found
          .map((f) => `\n  ${f.screen}: ${f.id} (${f.impact}) at ${f.nodes.join(', ')}`)
          .join(''),
    );
    expect(found).toEqual([]);
  });
}
