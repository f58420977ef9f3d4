// `npm test`: type-check, lint, unit and integration tests, then Playwright e2e.
// On Linux without a Secret Service, it re-runs itself inside a private D-Bus session with an
// unlocked gnome-keyring, so the keychain is tested for real (see .ci/run for the packages).
// That keyring lives in a data folder of its own (XDG_DATA_HOME), made for the run and removed
// after it: the user's login keyring (another password) cannot block the tests, the tests write
// nothing into it, and each run starts from an empty keyring. Kept in ~/.local/share, the keyring
// grew with every run (1 MB after two days of runs here) and each keychain write took 80-125 ms
// instead of 3-4: under the load of the e2e suite, saves went past the vault's 5 s timeout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (
  process.platform === 'linux' &&
  !process.env.TWB_KEYRING_SESSION &&
  has('dbus-run-session') &&
  has('gnome-keyring-daemon')
) {
  const inner = [
    'echo "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1',
    `exec "${process.execPath}" "${path.join(root, 'scripts/test.mjs')}" ${process.argv.slice(2).join(' ')}`,
  ].join('; ');
  const keyringHome = mkdtempSync(path.join(os.tmpdir(), 'twb-test-keyring-'));
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, TWB_KEYRING_SESSION: '1', XDG_DATA_HOME: keyringHome },
  });
  rmSync(keyringHome, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

const npx = (bin, ...args) => [
  process.execPath,
  [path.join(root, 'node_modules', ...bin.split('/')), ...args],
];
const steps = [
  ['type-check (node)', ...npx('typescript/bin/tsc', '-p', 'tsconfig.node.json')],
  ['type-check (web)', ...npx('typescript/bin/tsc', '-p', 'tsconfig.web.json')],
  ['format (prettier)', ...npx('prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn')],
  ['lint (eslint)', ...npx('eslint/bin/eslint.js', '.')],
  ['unit + integration (vitest)', ...npx('vitest/vitest.mjs', 'run')],
  ['build', process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')]],
  ['e2e (playwright)', ...npx('@playwright/test/cli.js', 'test')],
];

let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✖ ${name} failed (exit code ${r.status})`);
  }
}
console.log(`\nchecks: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
