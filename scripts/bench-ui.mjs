// Workspace benchmark in Chromium: a data dir with 500 profiles across 25 teams and 50 saved
// requests each (25,000 requests), then the longest main-thread task (PerformanceObserver
// "longtask", 50 ms and up) from navigation to a usable sidebar, for opening a profile, and for
// switching between two open tabs; and per keystroke in the sidebar filter the time from the key
// to the next paint (Event Timing API; Chromium reports only keystrokes of 16 ms and more, the
// others count as "under 16 ms"). Prints figures; asserts nothing. Targets (issue 9): each long
// task <= 100 ms, a keystroke <= 16 ms.
// Usage: npm run bench:ui [-- --profiles 500 --requests 50 --teams 25]
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
const perProfile = Number(arg('--requests', '50'));
const teamCount = Number(arg('--teams', '25'));
const roles = ['Audit reader', 'Member sync', 'Adoption export', 'Bucket upload', 'KM query'];
const paths = [
  '/api/external/members',
  '/log/api/external/audit',
  '/intelligence/api/knowledge-models',
];
const pad = (n) => String(n).padStart(4, '0');
const at = (i) => new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();

function storedProfile(i) {
  return {
    id: `bench-${pad(i)}`,
    createdAt: at(i),
    updatedAt: at(i),
    fields: {
      name: `${roles[i % roles.length]} ${pad(i)}`,
      team: `team-${String(i % teamCount).padStart(2, '0')}`,
      cluster: i % 2 ? 'eu-1' : 'us-1',
      baseUrl: '',
      tokenUrl: '',
      clientId: `bench-client-${pad(i)}-0f3a9c`,
      grantType: 'client_credentials',
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

function storedRequest(p, j) {
  return {
    id: `req-${pad(p)}-${String(j).padStart(2, '0')}`,
    profileId: `bench-${pad(p)}`,
    createdAt: at(p),
    updatedAt: at(p),
    fields: {
      name: `Request ${String(j).padStart(2, '0')} of ${pad(p)}`,
      method: j % 5 === 0 ? 'POST' : 'GET',
      url: paths[j % paths.length],
      query: [],
      headers: [],
      body: '',
      auth: 'token',
      apiKeyScheme: 'Bearer',
      pathParams: [],
    },
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-ui-'));
const profiles = Array.from({ length: profileCount }, (_, i) => storedProfile(i));
const savedRequests = profiles.flatMap((_, p) =>
  Array.from({ length: perProfile }, (__, j) => storedRequest(p, j)),
);
writeFileSync(
  path.join(dataDir, 'workbench.json'),
  `${JSON.stringify({ storeVersion: 3, profiles, savedRequests })}\n`,
  { mode: 0o600 },
);

buildIfStale({ quiet: true });
const host = startBrowserHostProcess({ dataDir });
const url = await host.url;
const browser = await chromium.launch(chromiumLaunchOptions);

const observe = () => {
  globalThis.__longTasks = [];
  globalThis.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  // Keystrokes only: the entries of the click that focuses the filter arrive late, after the
  // reset before the first key, and are not a keystroke's.
  const keyEvents = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (keyEvents.has(e.name)) globalThis.__events.push(e.duration);
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};
const longest = (page) => page.evaluate(() => Math.round(Math.max(0, ...globalThis.__longTasks)));
const reset = (page) =>
  page.evaluate(() => ((globalThis.__longTasks = []), (globalThis.__events = [])));
const settle = (page) =>
  page.evaluate(
    () => new Promise((r) => globalThis.requestAnimationFrame(() => setTimeout(r, 50))),
  );

const rows = [];
let keystrokes = null;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(observe);
  const sidebar = page.getByRole('navigation', { name: 'Profiles' });
  const nameField = (name) =>
    page.getByRole('textbox', { name: 'Profile name' }).and(page.locator(`[value="${name}"]`));
  const sorted = [...profiles].sort(
    (a, b) =>
      a.fields.team.localeCompare(b.fields.team) || a.fields.name.localeCompare(b.fields.name),
  );

  let t = Date.now();
  await page.goto(url);
  await sidebar
    .getByRole('button', { name: sorted[0].fields.name, exact: true })
    .waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Search profiles' }).waitFor();
  await settle(page);
  rows.push({
    step: 'navigation -> usable sidebar',
    ms: Date.now() - t,
    longest: await longest(page),
  });

  const a = sorted[1].fields.name;
  await reset(page);
  t = Date.now();
  await sidebar.getByRole('button', { name: a, exact: true }).click();
  await nameField(a).waitFor();
  await settle(page);
  rows.push({ step: `open profile "${a}"`, ms: Date.now() - t, longest: await longest(page) });

  // Two open tabs (the profile opened on start, and this one): switch back and forth.
  const tabs = page.getByRole('navigation', { name: 'Open tabs' });
  const b = await tabs.locator('button[data-tab]').first().innerText();
  let worst = 0;
  let total = 0;
  for (let i = 0; i < 6; i++) {
    const name = i % 2 === 0 ? b : a;
    await reset(page);
    t = Date.now();
    await tabs.getByRole('button', { name, exact: true }).click();
    await nameField(name).waitFor();
    await settle(page);
    total += Date.now() - t;
    worst = Math.max(worst, await longest(page));
  }
  rows.push({
    step: 'switch between two open tabs (6 switches, worst)',
    ms: Math.round(total / 6),
    longest: worst,
  });

  // Typing in the sidebar filter: a request name, which searches all 25,000 requests.
  const query = `Request 17 of ${pad(417)}`;
  const filter = page.getByRole('textbox', { name: 'Search profiles' });
  await filter.click();
  await settle(page);
  await reset(page);
  const perKey = [];
  for (const ch of query) {
    await page.evaluate(() => (globalThis.__events = []));
    await filter.press(ch === ' ' ? 'Space' : ch);
    await settle(page);
    perKey.push(await page.evaluate(() => Math.round(Math.max(0, ...globalThis.__events))));
  }
  await sidebar.getByRole('button', { name: `GET ${query}`, exact: true }).waitFor();
  const over = perKey.filter((d) => d >= 16).sort((x, y) => x - y);
  const p95Index = Math.ceil(perKey.length * 0.95) - 1;
  const sortedKeys = [...perKey].sort((x, y) => x - y);
  keystrokes = {
    count: perKey.length,
    over16: over.length,
    p95: sortedKeys[p95Index] < 16 ? 'under 16' : String(sortedKeys[p95Index]),
    max:
      sortedKeys[sortedKeys.length - 1] < 16
        ? 'under 16'
        : String(sortedKeys[sortedKeys.length - 1]),
    longest: await longest(page),
  };
} catch (error) {
  const page = browser.contexts()[0]?.pages()[0];
  if (page) await page.screenshot({ path: path.join(os.tmpdir(), 'bench-ui-failure.png') });
  throw error;
} finally {
  await browser.close();
  host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `${profileCount} profiles across ${teamCount} teams, ${perProfile} saved requests each (${profileCount * perProfile} requests)`,
);
console.table(
  rows.map((r) => ({
    step: r.step,
    'time (ms)': r.ms,
    'longest main-thread task (ms)': r.longest,
    'of target 100 ms': `${((r.longest / 100) * 100).toFixed(0)} %`,
  })),
);
if (keystrokes) {
  console.log(
    `sidebar filter, ${keystrokes.count} keystrokes: key to next paint p95 ${keystrokes.p95} ms, max ${keystrokes.max} ms ` +
      `(${keystrokes.over16} of ${keystrokes.count} at 16 ms or more; target 16 ms); longest task while typing ${keystrokes.longest} ms`,
  );
}
