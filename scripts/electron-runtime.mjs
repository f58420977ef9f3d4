// Finds the Electron runtime binary, fetching it once if it is missing. Returns null (with the
// reason) where it cannot be found or fetched, e.g. on machines without access to its download.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** A slow link gets 15 minutes by default; TOKEN_WORKBENCH_ELECTRON_FETCH_SECONDS overrides. */
const FETCH_SECONDS = Number(process.env.TOKEN_WORKBENCH_ELECTRON_FETCH_SECONDS) || 900;

/** The runtime's executable inside an Electron dist folder, per platform. */
export function electronExecutable(platform = process.platform) {
  if (platform === 'darwin')
    return path.posix.join('Electron.app', 'Contents', 'MacOS', 'Electron');
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function locate(dir, env = process.env, platform = process.platform) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, electronExecutable(platform));
    return existsSync(p) ? p : null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** The installed runtime, without fetching anything. */
export function findElectron() {
  const dir = electronPackageDir();
  if (!dir) return { path: null, reason: 'the electron package is not installed' };
  const found = locate(dir);
  return { path: found, reason: found ? null : 'the Electron runtime is not installed' };
}

/**
 * The runtime, fetched with the electron package's own installer when missing. Its progress
 * bar is shown as it runs; its error output is reduced to one line.
 */
export async function findOrFetchElectron({ log = (line) => console.log(line) } = {}) {
  const known = findElectron();
  if (known.path || !electronPackageDir()) return known;
  const dir = electronPackageDir();
  log(`Fetching the Electron runtime (about 100 MB, up to ${Math.round(FETCH_SECONDS / 60)} min)…`);
  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '' },
    });
    let lastLine = '';
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      // The progress bar redraws with \r; pass it through, keep the rest for the summary.
      if (text.includes('\r') || /\d+%/.test(text)) process.stderr.write(text);
      else
        lastLine =
          text
            .trim()
            .split('\n')
            .find((l) => /error/i.test(l)) ?? lastLine;
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve({ timedOut: true, lastLine });
    }, FETCH_SECONDS * 1000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ timedOut: false, lastLine });
    });
  });
  const fetched = locate(dir);
  if (fetched) return { path: fetched, reason: null };
  const why = outcome.lastLine ? `: ${outcome.lastLine.slice(0, 160)}` : '';
  return {
    path: null,
    reason: outcome.timedOut
      ? `fetching the Electron runtime timed out after ${FETCH_SECONDS} s`
      : `the Electron runtime could not be fetched${why}`,
  };
}
