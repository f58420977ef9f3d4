import { AsyncEntry } from '@napi-rs/keyring';
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keychainService } from '../electron/launch-options';
import { startBrowserHostProcess } from '../scripts/browser-host-process.mjs';
import { chromiumLaunchOptions } from './chromium';
import { filesContaining } from './data-dir-scan';
import { send } from './diagnosis-helpers';
import { expect, test } from './fixtures';

// Issue 10: after a full session in the browser host, search every RPC answer, the host's
// stdout/stderr, its data dir, its temp files and saved files for the client secret, the Basic
// value, the API key, the proxy password and the refresh token. They may appear only in
// revealSecret's answer and in a curl command the user asked to include secrets.
test.describe.configure({ timeout: 180_000 });

const API_KEY = 'scan-not-a-real-api-key-4d1c';
const PROXY_PASSWORD = 'scan-not-a-real-proxy-password-8e2f';

interface Answer {
  op: string;
  request: string;
  body: string;
  via: 'post' | 'socket';
}

/** A frame of the RPC socket as JSON (`{ id, op, input }` out, `{ id, envelope }` in). */
function socketFrame(payload: string | Buffer): { id?: unknown; op?: unknown; input?: unknown } {
  try {
    const m: unknown = JSON.parse(String(payload));
    return typeof m === 'object' && m !== null ? m : {};
  } catch {
    return {};
  }
}

/** An RPC call from the page itself, the way its own transport makes it. */
async function rpc<T>(page: Page, key: string, op: string, input: unknown): Promise<T> {
  const text = await page.evaluate(
    async ([o, k, body]) => {
      const res = await fetch(`/rpc/${o}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-workbench-key': k },
        body,
      });
      return res.text();
    },
    [op, key, JSON.stringify(input)] as const,
  );
  const envelope = JSON.parse(text) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${op}: ${envelope.error?.message}`);
  return envelope.value;
}

const formEncoded = (v: string) => new URLSearchParams({ v }).toString().slice(2);

test('no secret leaks into answers, logs, the data dir or temp files after a full session', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'twb-scan-'));
  const dataDir = path.join(root, 'data');
  const tmpDir = path.join(root, 'tmp');
  const saveDir = path.join(root, 'saved');
  for (const d of [dataDir, tmpDir, saveDir]) mkdirSync(d);
  const host = startBrowserHostProcess({
    dataDir,
    env: { TMPDIR: tmpDir, TEMP: tmpDir, TMP: tmpDir, TOKEN_WORKBENCH_SAVE_DIR: saveDir },
  });
  const url = await host.url;
  const key = new URL(url).searchParams.get('key') ?? '';
  const browser = await chromium.launch(chromiumLaunchOptions);
  const answers: Answer[] = [];
  const pending: Promise<void>[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('response', (res) => {
      const at = new URL(res.url());
      if (!at.pathname.startsWith('/rpc/')) return;
      pending.push(
        res.text().then(
          (body) => {
            answers.push({
              op: at.pathname.slice(5),
              request: res.request().postData() ?? '',
              body,
              via: 'post',
            });
          },
          () => undefined,
        ),
      );
    });
    // Most calls go over the RPC socket: every answer there is scanned too.
    page.on('websocket', (ws) => {
      const sent = new Map<unknown, { op: string; request: string }>();
      ws.on('framesent', (f) => {
        const m = socketFrame(f.payload);
        if (m.id !== undefined)
          sent.set(m.id, { op: String(m.op), request: JSON.stringify(m.input ?? {}) });
      });
      ws.on('framereceived', (f) => {
        const call = sent.get(socketFrame(f.payload).id);
        answers.push({
          op: call?.op ?? 'socket',
          request: call?.request ?? '',
          body: String(f.payload),
          via: 'socket',
        });
      });
    });
    await page.goto(url);

    // The authorization-code flow in a second tab gives a refresh token; then Refresh.
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(page.getByText('Sandbox', { exact: true }).first()).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('combobox', { name: 'Grant type' }).selectOption('Authorization code');
    await page.getByRole('textbox', { name: 'Search scopes' }).fill('user-group');
    await page.getByRole('checkbox', { name: 'team.user-group-info:read', exact: true }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Get token' }).click();
    const authorizationUrl = page.getByRole('textbox', { name: 'Authorization URL' });
    await expect(authorizationUrl).toHaveValue(/\/oauth2\/authorize\?/);
    const tab = await context.newPage();
    await tab.goto(await authorizationUrl.inputValue());
    await tab.locator('input[name=login]').fill('ada@example.com');
    await tab.locator('input[name=password]').fill('any password');
    await tab.getByRole('button', { name: 'Sign-in' }).click();
    await tab.getByRole('button', { name: 'Continue' }).click();
    await expect(tab.getByText('Return to Token Workbench.')).toBeVisible();
    const token = page.getByRole('textbox', { name: 'Access token' });
    await expect(token).not.toHaveValue('');
    const first = await token.inputValue();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(token).not.toHaveValue(first);

    // An API call with the token, from the request tab.
    await send(page, '/api/external/members');
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');

    // API key, proxy password, an API call with the key, history, export, curl.
    const [profile] = await rpc<{ id: string; clientId: string }[]>(page, key, 'listProfiles', {});
    expect(profile).toBeDefined();
    const profileId = profile!.id;
    await rpc(page, key, 'setApiKey', { profileId, apiKey: API_KEY });
    await rpc(page, key, 'updateSettings', {
      network: { proxyUsername: 'scan-user' },
      proxyPassword: PROXY_PASSWORD,
    });
    const withKey = await rpc<{ callId?: string }>(page, key, 'sendRequest', {
      profileId,
      requestId: 'scan-api-key-call',
      method: 'GET',
      url: '/api/external/members',
      headers: [],
      body: '',
      allowOtherOrigin: false,
      auth: 'apiKey',
    });
    const history = await rpc<{ id: string }[]>(page, key, 'listHistory', {});
    expect(history.length).toBeGreaterThanOrEqual(4);
    for (const entry of history) await rpc(page, key, 'getHistoryEntry', { id: entry.id });
    await rpc(page, key, 'exportProfiles', {});
    for (const entry of history) {
      await rpc(page, key, 'copyAsCurl', { callId: entry.id, includeSecrets: false });
    }
    const { secret } = await rpc<{ secret: string | null }>(page, key, 'revealSecret', {
      profileId,
    });
    expect(secret?.length).toBeGreaterThan(10);
    const withSecrets = await rpc<{ command: string }>(page, key, 'copyAsCurl', {
      callId: withKey.callId ?? history[0]!.id,
      includeSecrets: true,
    });
    expect(withSecrets.command).toContain(API_KEY);

    const refreshToken = await new AsyncEntry(
      keychainService(dataDir),
      `profile:${profileId}:refresh-token`,
    ).getPassword();
    expect(refreshToken, 'the refresh token is in the keychain').toBeTruthy();

    const clientId = profile!.clientId;
    const needles: Record<string, string> = {
      'client secret': secret!,
      'client secret (form-encoded)': formEncoded(secret!),
      'Basic value (decoded)': `${clientId}:${secret}`,
      'Basic value (base64)': Buffer.from(`${clientId}:${secret}`).toString('base64'),
      'Basic value (RFC 6749, base64)': Buffer.from(
        `${formEncoded(clientId)}:${formEncoded(secret!)}`,
      ).toString('base64'),
      'API key': API_KEY,
      'proxy password': PROXY_PASSWORD,
      'refresh token': refreshToken!,
    };

    await page.close();
    await tab.close();
    await Promise.all(pending);
    host.stop();
    await new Promise((r) => (host.child.exitCode !== null ? r(null) : host.child.once('exit', r)));

    const explicit = (a: Answer) =>
      a.op === 'revealSecret' ||
      (a.op === 'copyAsCurl' && a.request.includes('"includeSecrets":true'));
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.via === 'socket').length).toBeGreaterThan(10);
    expect(answers.some(explicit)).toBe(true);
    const leaks: string[] = [];
    for (const [name, value] of Object.entries(needles)) {
      for (const a of answers)
        if (!explicit(a) && a.body.includes(value)) leaks.push(`${name} in ${a.op}`);
      if (host.output().includes(value)) leaks.push(`${name} in the host's output`);
      for (const dir of [dataDir, tmpDir, saveDir]) {
        for (const file of filesContaining(dir, value)) leaks.push(`${name} in ${file}`);
      }
    }
    expect(leaks).toEqual([]);
  } finally {
    host.stop();
    await browser.close();
  }
});
