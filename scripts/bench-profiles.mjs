// Profiles-at-scale benchmark: a data dir holding 500 profiles across 25 teams, then the time
// from navigation to the profile list visible, from typing in the search box to the filtered rows
// visible, and from clicking a profile to its form visible, each with the longest main-thread
// task Chromium reported meanwhile (PerformanceObserver "longtask"). Prints figures; asserts nothing.
// Usage: npm run bench:profiles [-- --profiles 500 --teams 25]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { buildIfStale } from './build-if-stale.mjs';
import { startBrowserHostProcess } from './browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const profileCount = Number(arg('--profiles', '500'));
const teamCount = Number(arg('--teams', '25'));
const roles = ['Audit reader', 'Member sync', 'Adoption export', 'Bucket upload', 'KM query'];
const grants = ['client_credentials', 'authorization_code', 'device_code'];

/** One stored profile (store version 2 layout: identity beside `fields`). No secret anywhere. */
function storedProfile(i) {
  const team = `team-${String(i % teamCount).padStart(2, '0')}`;
  const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
  return {
    id: `bench-${String(i).padStart(4, '0')}`,
    createdAt: at,
    updatedAt: at,
    fields: {
      name: `${roles[i % roles.length]} ${String(i).padStart(4, '0')}`,
      team,
      cluster: i % 2 ? 'eu-1' : 'us-1',
      baseUrl: '',
      tokenUrl: '',
      clientId: `bench-client-${String(i).padStart(4, '0')}-0f3a9c`,
      grantType: grants[i % grants.length],
      authMethod: 'client_secret_basic',
      scopes: ['team.user-group-info:read', 'audit.log:read'],
      paramsAs: 'form',
      basicEncoding: 'rfc6749',
      sandbox: false,
      redirectPort: 0,
      redirectPath: '/callback',
      autoRenew: false,
      renewLeadSeconds: 60,
    },
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-profiles-'));
const profiles = Array.from({ length: profileCount }, (_, i) => storedProfile(i));
writeFileSync(
  path.join(dataDir, 'workbench.json'),
  `${JSON.stringify({ storeVersion: 2, profiles }, null, '\t')}\n`,
  { mode: 0o600 },
);

buildIfStale({ quiet: true });
const host = startBrowserHostProcess({ dataDir });
const url = await host.url;
const browser = await chromium.launch(chromiumLaunchOptions);

const observeLongTasks = () => {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};
const longest = (page) => page.evaluate(() => Math.round(Math.max(0, ...globalThis.__longTasks)));
const resetLongTasks = (page) => page.evaluate(() => (globalThis.__longTasks = []));

const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(observeLongTasks);
  const list = page.getByRole('navigation', { name: 'Profiles' });

  // Sorted by team, then name: the first team's first profile is the first row.
  const firstName = profiles
    .filter((p) => p.fields.team === 'team-00')
    .map((p) => p.fields.name)
    .sort((a, b) => a.localeCompare(b))[0];
  let t = Date.now();
  await page.goto(url);
  await list.getByText(firstName, { exact: true }).waitFor({ timeout: 60_000 });
  rows.push({
    step: 'navigation -> list visible',
    ms: Date.now() - t,
    longest: await longest(page),
  });

  const target = profiles[Math.min(417, profiles.length - 1)].fields;
  await resetLongTasks(page);
  t = Date.now();
  await page.getByRole('textbox', { name: 'Search profiles' }).pressSequentially(target.name);
  // One team header and one profile row left in the virtual list.
  await page.waitForFunction((name) => {
    const items = globalThis.document.querySelectorAll(
      'nav[aria-label="Profiles"] [role=listitem]',
    );
    return items.length === 2 && (items[1]?.textContent ?? '').includes(name);
  }, target.name);
  rows.push({
    step: `type "${target.name}" -> filtered rows`,
    ms: Date.now() - t,
    longest: await longest(page),
  });

  await resetLongTasks(page);
  t = Date.now();
  await list.getByText(target.name, { exact: true }).click();
  await page
    .getByRole('textbox', { name: 'Profile name' })
    .and(page.locator(`[value="${target.name}"]`))
    .waitFor();
  rows.push({ step: 'click profile -> form', ms: Date.now() - t, longest: await longest(page) });
} finally {
  await browser.close();
  host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`${profileCount} profiles across ${teamCount} teams`);
console.table(
  rows.map((r) => ({
    step: r.step,
    'time (ms)': r.ms,
    'longest main-thread task (ms)': r.longest,
  })),
);
