// The path of one Get token, from button to wire and back, measured: which of our source files
// run, and how many of their lines, between the click on Get token and the new token in the token
// bar (client credentials on the sandbox, in Chromium on the browser host, after two warm-up
// calls). V8 precise coverage on both sides, in the same window: the page (Playwright's JS
// coverage of an unminified, source-mapped renderer build) and the host (an inspector session in
// this process, which runs the host's services from the TypeScript sources, bundled with a source
// map). Ranges are mapped back to `renderer/`, `shared/` and `electron/` sources; packages and the
// sandbox's own server code (`electron/services/sandbox/`, the authorization server the call goes
// to) are left out. Prints the files, their lines, and the lines that ran.
// Usage: node scripts/get-token-path.mjs [--list]
/* global document -- used inside page.waitForFunction (runs in Chromium) */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright';
import { bundleSources } from './bundle-sources.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules/.cache/get-token-path');
const ours = /^(renderer|shared|electron)\//;
const notOnPath = /^electron\/services\/sandbox\//;

// 1. The renderer, unminified with source maps, where the host finds it (../renderer).
mkdirSync(out, { recursive: true });
const vite = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--sourcemap',
    '--minify',
    'false',
    '--emptyOutDir',
    '--outDir',
    path.join(out, 'renderer'),
    '--logLevel',
    'error',
  ],
  { cwd: root, stdio: 'inherit' },
);
if (vite.status !== 0) throw new Error('renderer build failed');

// 2. The host's services, bundled from the sources with a source map, run in this process.
const hostFile = await bundleSources({
  name: 'get-token-path/electron/host.mjs',
  contents: `export { openJsonFileStore } from './electron/services/data-store';
export { openWorkbench } from './electron/workbench';
export { startBrowserHost } from './electron/browser-host/server';`,
  sourcemap: true,
});
const { openJsonFileStore, openWorkbench, startBrowserHost } = await import(
  pathToFileURL(hostFile).href
);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twb-get-token-path-'));
const opened = openJsonFileStore(dataDir);
const workbench = await openWorkbench({
  dataDir,
  store: opened.store,
  storeNotices: opened.notices,
  host: 'browser',
  version: 'path',
});
const host = await startBrowserHost({
  handlers: workbench.handlers,
  staticDir: path.join(out, 'renderer'),
  port: 0,
  events: workbench.services.eventFeed,
  downloads: workbench.services.responseExport,
});

const session = new Session();
session.connect();
await session.post('Profiler.enable');
const browser = await chromium.launch(chromiumLaunchOptions);
const windows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  const button = page.getByRole('button', { name: 'Get token' }).first();
  await button.waitFor({ timeout: 60_000 });
  const getToken = async () => {
    const bar = page.getByRole('group', { name: 'Token state' });
    const before = await bar.getAttribute('data-received-at');
    await button.click();
    await page.waitForFunction(
      (old) => {
        const v = document
          .querySelector('[aria-label="Token state"]')
          ?.getAttribute('data-received-at');
        return Boolean(v) && v !== old;
      },
      before,
      { polling: 'raf' },
    );
  };
  await getToken();
  await getToken();
  await page.waitForTimeout(300); // what the warm-up calls left to do has run
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  const start = { callCount: true, detailed: true };
  await cdp.send('Profiler.startPreciseCoverage', start);
  await session.post('Profiler.startPreciseCoverage', start);
  // Taking coverage resets the counters: each window counts only what ran in it.
  const take = async (name) => {
    const host = (await session.post('Profiler.takePreciseCoverage')).result;
    const page = (await cdp.send('Profiler.takePreciseCoverage')).result;
    windows.push({ name, host, page });
  };
  await getToken();
  await take('click -> new token on screen');
  await page.waitForTimeout(300);
  await take('then 300 ms after (the detail, the signature check, history)');
} finally {
  await browser.close();
  await host.close();
  await workbench.services.close();
}

/** Source lines that ran: for every generated line, the innermost range at its first code. */
function ranLines(source, functions, mapFile, ranByFile) {
  const map = new TraceMap(JSON.parse(readFileSync(mapFile, 'utf8')), mapFile);
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  let offset = 0;
  const lines = source.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    const column = text.search(/\S/);
    if (column >= 0) {
      const at = offset + column;
      let count = 0;
      for (const r of ranges) {
        if (r.startOffset > at) break;
        if (r.endOffset > at) count = r.count; // later = narrower (sorted by start, then wider first)
      }
      if (count > 0) {
        const pos = originalPositionFor(map, { line: line + 1, column });
        const file =
          pos.source && path.relative(root, path.resolve(path.dirname(mapFile), pos.source));
        if (file && ours.test(file) && !notOnPath.test(file)) {
          if (!ranByFile.has(file)) ranByFile.set(file, new Set());
          ranByFile.get(file).add(pos.line);
        }
      }
    }
    offset += text.length + 1;
  }
}

const hostUrl = pathToFileURL(hostFile).href;
const hostSource = readFileSync(hostFile, 'utf8');
const rowsOf = (window) => {
  const ranByFile = new Map();
  for (const entry of window.page) {
    const name = entry.url ? new URL(entry.url).pathname.split('/').pop() : '';
    if (!name?.endsWith('.js')) continue;
    const file = path.join(out, 'renderer/assets', name);
    ranLines(readFileSync(file, 'utf8'), entry.functions, `${file}.map`, ranByFile);
  }
  for (const entry of window.host) {
    if (entry.url === hostUrl) ranLines(hostSource, entry.functions, `${hostFile}.map`, ranByFile);
  }
  return [...ranByFile]
    .map(([file, lines]) => ({
      file,
      lines: readFileSync(path.join(root, file), 'utf8').split('\n').length,
      ran: lines.size,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
};
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
console.log('\nThe path of one Get token (client credentials, sandbox, browser host):');
for (const window of windows) {
  const rows = rowsOf(window);
  if (process.argv.includes('--list')) console.table(rows);
  const side = (prefix) => rows.filter((r) => r.file.startsWith(prefix));
  console.log(window.name);
  console.table(
    [
      ['renderer (page)', side('renderer/')],
      ['shared (page and host)', side('shared/')],
      ['electron (host)', side('electron/')],
      ['all', rows],
    ].map(([part, list]) => ({
      part,
      files: list.length,
      'lines in those files': sum(list, 'lines'),
      'lines that ran': sum(list, 'ran'),
    })),
  );
}
