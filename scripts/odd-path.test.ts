/**
 * A checkout in a folder whose name has a space and a `%` (as `a b%20c/` on a user's disk) builds
 * and starts: the scripts find the repo root with fileURLToPath, never from a URL's pathname.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parent = mkdtempSync(path.join(os.tmpdir(), 'twb odd %20 path '));
const checkout = path.join(parent, 'token workbench 100%');

afterAll(() => rmSync(parent, { recursive: true, force: true }));

function startBrowser(cwd: string, dataDir: string) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(
    npm,
    ['run', 'browser', '--', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TOKEN_WORKBENCH_NO_KEYCHAIN: '1' },
      // Its own process group, so stopping it also stops npm's children (start.mjs, the host).
      detached: process.platform !== 'win32',
    },
  );
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /Token Workbench is running at (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, url };
}

describe('a checkout under a path with a space and %', () => {
  it('builds and serves the app with npm run browser', async () => {
    const clone = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', root, checkout], {
      encoding: 'utf8',
    });
    expect(clone.status, clone.stderr).toBe(0);
    symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'junction');
    const host = startBrowser(checkout, path.join(parent, 'data dir %'));
    try {
      const url = await host.url;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      const pid = host.child.pid;
      if (pid && process.platform !== 'win32') process.kill(-pid, 'SIGTERM');
      else host.child.kill('SIGTERM');
      await new Promise((resolve) => host.child.once('exit', resolve));
    }
  }, 240_000);
});
