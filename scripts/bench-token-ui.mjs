// Figure 2 of `npm run bench:token`: click on Get token -> token on screen in Chromium (the
// detail pane's Access token field and the token bar), the network time the app records for the
// same call, the RPC round trip alone (over the host's RPC socket and over POST), and the floor
// of the measurement (a click that changes a text with no work, or after the cheapest RPC).
// Then the same clicks with the token endpoint
// FAR_ENDPOINT_MS away (the sandbox behind a delaying proxy, set as the Token URL override).
// Prints nothing; bench-token.mjs prints them.
/* global document, location, requestAnimationFrame -- used inside page.evaluate (runs in Chromium) */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { buildIfStale } from './build-if-stale.mjs';
import { startBrowserHostProcess } from './browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startDelayingProxy } from './delaying-proxy.mjs';

/** How far the token endpoint is in the second series: a cloud team's endpoint, roughly. */
export const FAR_ENDPOINT_MS = 60;
/** Give or take half a 60 Hz frame, so that the answers fall anywhere between two frames. */
export const FAR_JITTER_MS = 8.4;
/** Clicks measured against the sandbox, whose figure is bounded by the floor (after the warm-up). */
export const CLICKS = 16;
/**
 * Clicks measured against the far endpoint, the target's figure. Its answers fall anywhere
 * between two frames, so each click waits 0 to 16.7 ms for its frame: with 16 clicks that alone
 * moves the median by about 2 ms from run to run (16.7 / sqrt(4 x 16)), with 48 by about 1.2 ms.
 */
export const FAR_CLICKS = 48;

export async function measureClickToScreen() {
  const rpc = [];
  const floor = { none: [], rpc: [] };
  buildIfStale({ quiet: true });
  const uiDir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-token-ui-'));
  const host = startBrowserHostProcess({ dataDir: uiDir });
  const url = await host.url;
  const browser = await chromium.launch(chromiumLaunchOptions);
  let proxy = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    // Warm-up: the first calls start the sandbox and discover its metadata.
    const near = await measureClicks(page, { warmUp: 4, runs: CLICKS });
    // The same call without the UI: page -> RPC -> pipeline -> RPC answer, over the host's RPC
    // socket (as the page calls) and over POST /rpc (before the socket is open).
    const profileId = (await rpcCall(page, 'listProfiles', {}))[0].id;
    const rpcSocket = await page.evaluate(async (id) => {
      const key = sessionStorage.getItem('workbench-key') ?? '';
      // RPC_SOCKET_PATH of shared/operations.ts (this runs in the page, which cannot import it).
      const ws = new WebSocket(`ws://${location.host}/rpc-socket`);
      const next = () =>
        new Promise((resolve) => ws.addEventListener('message', resolve, { once: true }));
      await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
      ws.send(JSON.stringify({ key }));
      await next();
      const times = [];
      for (let i = 1; i <= 12; i++) {
        const t = performance.now();
        const answered = next();
        ws.send(
          JSON.stringify({
            id: i,
            op: 'getToken',
            input: { profileId: id, requestId: `bench-rpc-${Math.random()}` },
          }),
        );
        await answered;
        times.push(performance.now() - t);
      }
      ws.close();
      return times;
    }, profileId);
    for (let i = 0; i < 12; i++) {
      rpc.push(
        await page.evaluate(async (id) => {
          const key = sessionStorage.getItem('workbench-key') ?? '';
          const t = performance.now();
          await fetch('/rpc/getToken', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-workbench-key': key },
            body: JSON.stringify({ profileId: id, requestId: `bench-rpc-${Math.random()}` }),
          }).then((r) => r.json());
          return performance.now() - t;
        }, profileId),
      );
    }
    floor.none = await measureFloor(page, 'none');
    floor.rpc = await measureFloor(page, 'rpc');
    // The same profile with its token endpoint FAR_ENDPOINT_MS away: the sandbox behind a proxy
    // that waits that long before it forwards each call (Token URL override, saved as a user
    // would). The network time the app records then includes the wait.
    const sandboxTokenUrl = (await rpcCall(page, 'listHistory', {}))[0].url;
    proxy = await startDelayingProxy(sandboxTokenUrl, FAR_ENDPOINT_MS, FAR_JITTER_MS);
    const view = (await rpcCall(page, 'listProfiles', {}))[0];
    await rpcCall(page, 'saveProfile', {
      id: view.id,
      fields: { ...profileFields(view), tokenUrl: proxy.url },
    });
    await page.reload();
    const far = await measureClicks(page, { warmUp: 2, runs: FAR_CLICKS });
    return { ...near, rpc, rpcSocket, floor, far };
  } finally {
    await browser.close();
    host.stop();
    proxy?.close();
  }
}

/** A view's profile fields, for saveProfile (whose fields schema is strict). */
function profileFields(view) {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    hasSecret: _h,
    secretPreview: _p,
    secretStorage: _s,
    effectiveBaseUrl: _b,
    effectiveTokenUrl: _t,
    ...fields
  } = view;
  return fields;
}

/** One RPC from the page, as the renderer makes it; its value. */
function rpcCall(page, name, input) {
  return page.evaluate(
    async ([n, i]) => {
      const key = sessionStorage.getItem('workbench-key') ?? '';
      const r = await fetch(`/rpc/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-key': key },
        body: JSON.stringify(i),
      });
      const envelope = await r.json();
      if (!envelope.ok) throw new Error(`${n}: ${envelope.error?.message}`);
      return envelope.value;
    },
    [name, input],
  );
}

/**
 * Puts `__watchClick(target, changed)` in the page (again after a reload): a promise that, after
 * the next click on `target` (listened to in the capture phase), resolves with the ms from that
 * click to the first animation frame in which `changed()` holds. Every click figure uses it.
 */
function installWatch(page) {
  return page.evaluate(() => {
    globalThis.__watchClick = (target, changed) =>
      new Promise((resolve) => {
        target?.addEventListener(
          'click',
          () => {
            const start = performance.now();
            const tick = () => {
              if (changed()) resolve(performance.now() - start);
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          },
          { once: true, capture: true },
        );
      });
  });
}

/**
 * Clicks Get token `warmUp + runs` times; for each measured click: click -> new token in the
 * Access token field (detail pane) and in the token bar, each seen in an animation frame, and the
 * network time the app recorded for that call (its history entry).
 */
async function measureClicks(page, { warmUp, runs }) {
  const screen = [];
  const barScreen = [];
  const network = [];
  const button = page.getByRole('button', { name: 'Get token' }).first();
  await button.waitFor({ timeout: 60_000 });
  await installWatch(page);
  for (let i = 0; i < warmUp + runs; i++) {
    await page.evaluate(() => {
      const field = () =>
        [...document.querySelectorAll('label')].find((l) =>
          l.textContent?.trim().startsWith('Access token'),
        )?.control;
      const old = field()?.value ?? '';
      // The token bar's state group names the token it shows (data-received-at).
      const bar = () =>
        document.querySelector('[aria-label="Token state"]')?.getAttribute('data-received-at');
      const oldBar = bar();
      const watch = globalThis.__watchClick;
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Get token',
      );
      globalThis.__bar = watch(document, () => {
        const v = bar();
        return !!v && v !== oldBar;
      });
      globalThis.__shown = watch(button, () => {
        const v = field()?.value ?? '';
        return !!v && v !== old;
      });
    });
    await button.click();
    const shownMs = await page.evaluate(() => globalThis.__shown);
    const barMs = await page.evaluate(() => globalThis.__bar);
    const recorded = (await rpcCall(page, 'listHistory', {}))[0]?.durationMs ?? null;
    if (i < warmUp) continue;
    screen.push(shownMs);
    barScreen.push(barMs);
    network.push(recorded);
  }
  return { screen, barScreen, network };
}

/**
 * The floor of this way of measuring, on the same page and in the same way (click listener,
 * then animation frames until the change is seen): a plain button whose click changes a text
 * with no work at all (`none`, after setTimeout 0), or after the cheapest RPC (`rpc`,
 * getAppInfo). No app code runs in between, so this is what a click costs in this Chromium
 * before any change reaches the screen.
 */
async function measureFloor(page, mode) {
  await installWatch(page);
  await page.evaluate((m) => {
    document.getElementById('bench-floor')?.remove();
    const box = document.createElement('div');
    box.id = 'bench-floor';
    box.style.cssText = 'position:fixed;bottom:0;right:0;z-index:99999;background:#fff';
    const button = document.createElement('button');
    button.textContent = 'Floor';
    const out = document.createElement('span');
    out.textContent = '0';
    box.append(button, out);
    document.body.append(box);
    let n = 0;
    const change = () => void (out.textContent = String(++n));
    button.addEventListener('click', () => {
      if (m === 'none') return void setTimeout(change, 0);
      const key = sessionStorage.getItem('workbench-key') ?? '';
      void fetch('/rpc/getAppInfo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-key': key },
        body: '{}',
      })
        .then((r) => r.json())
        .then(change);
    });
  }, mode);
  const times = [];
  for (let i = 0; i < 16; i++) {
    await page.evaluate(() => {
      const out = document.querySelector('#bench-floor span');
      const old = out?.textContent;
      globalThis.__floor = globalThis.__watchClick(document, () => out?.textContent !== old);
    });
    await page.locator('#bench-floor button').click();
    const ms = await page.evaluate(() => globalThis.__floor);
    if (i >= 4) times.push(ms);
  }
  return times;
}
