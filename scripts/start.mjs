// `npm start`: the desktop app, or the browser host where the Electron runtime cannot run.
// `npm run browser` (`--browser`): the browser host directly.
// Both take --data-dir <dir> (or TOKEN_WORKBENCH_DATA_DIR); the browser host also --port <n>, --no-open.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { findOrFetchElectron } from './electron-runtime.mjs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passArgs = args.filter((a) => a !== '--browser');

try {
  buildIfStale();
} catch (err) {
  console.error(`Token Workbench: ${err.message}`);
  process.exit(1);
}

function startBrowserHost() {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/electron/browser-host.js'), ...passArgs],
    {
      stdio: 'inherit',
    },
  );
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (browserOnly) {
  startBrowserHost();
} else {
  const electron = await findOrFetchElectron();
  if (!electron.path) {
    console.log(
      `Electron runtime not available (${electron.reason}): starting the browser host instead.`,
    );
    startBrowserHost();
  } else {
    const startedAt = Date.now();
    const child = spawn(electron.path, [root, ...passArgs], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => {
      // Electron that dies at once (no display, missing libraries) is a runtime that cannot run here.
      if (code !== 0 && Date.now() - startedAt < 5000) {
        console.log(
          `Electron runtime could not start (exit code ${code}): starting the browser host instead.`,
        );
        startBrowserHost();
      } else process.exit(code ?? 0);
    });
  }
}
