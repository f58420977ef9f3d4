// Large-response benchmark: for 10, 50 and 100 MB JSON bodies, the time from the last byte the
// server wrote to the first body lines visible in the window, and the longest main-thread task
// Chromium reported meanwhile (PerformanceObserver "longtask"). Prints figures; asserts nothing.
// Usage: npm run bench [-- --sizes 10,50,100]
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
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
const sizes = arg('--sizes', '10,50,100').split(',').map(Number);

/** A JSON array of records, about `mb` megabytes, minified (one line). */
function bigJson(mb) {
  // The size is part of every email, so each run waits for its own body, not the previous one.
  const row = (i) =>
    JSON.stringify({
      id: i,
      email: `user${i}.mb${mb}@example.com`,
      name: `User number ${i}`,
      groups: ['Process analysts', 'Viewers'],
      active: i % 3 !== 0,
      note: 'lorem ipsum dolor sit amet, consectetur adipiscing elit',
    });
  const parts = [];
  let bytes = 2;
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const r = row(i);
    parts.push(r);
    bytes += r.length + 1;
  }
  return Buffer.from(`[${parts.join(',')}]`);
}

const bodies = new Map(sizes.map((mb) => [mb, bigJson(mb)]));
let lastByteAt = 0;
const server = createServer((req, res) => {
  const mb = Number(/\/big\/([\d.]+)/.exec(req.url ?? '')?.[1]);
  const body = bodies.get(mb);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body, () => {
    lastByteAt = Date.now();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

buildIfStale({ quiet: true });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-'));
const host = startBrowserHostProcess({ dataDir, env: { TOKEN_WORKBENCH_SAVE_DIR: dataDir } });
const url = await host.url;

const browser = await chromium.launch(chromiumLaunchOptions);
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('textbox', { name: 'URL' }).waitFor({ timeout: 60_000 });
  await page.getByText('None', { exact: true }).click();
  await page.evaluate(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  for (const mb of sizes) {
    await page.evaluate(() => (globalThis.__longTasks = []));
    lastByteAt = 0;
    await page.getByRole('textbox', { name: 'URL' }).fill(`${origin}/big/${mb}`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The first record's email, pretty-printed by main, visible in the virtualized view.
    await page
      .getByLabel('Response body')
      .getByText(`"email": "user0.mb${mb}@example.com",`)
      .waitFor({ timeout: 300_000 });
    const visibleAt = Date.now();
    const longest = await page.evaluate(() => Math.max(0, ...globalThis.__longTasks));
    const count = await page.evaluate(() => globalThis.__longTasks.length);
    rows.push({
      'body (MB)': mb,
      bytes: bodies.get(mb).length,
      'last byte -> first lines (ms)': visibleAt - lastByteAt,
      'longest main-thread task (ms)': Math.round(longest),
      'long tasks': count,
    });
  }
} finally {
  await browser.close();
  host.stop();
  server.close();
}
console.table(rows);
