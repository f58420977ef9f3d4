// Finds the Electron runtime binary, fetching it once if it is missing. Returns null (with the
// reason) where it cannot be found or fetched, e.g. on machines without access to its download.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function locate(dir) {
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(p) ? p : null;
  }
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

export function findElectron({ fetch = true } = {}) {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const found = locate(dir);
  if (found || !fetch)
    return { path: found, reason: found ? null : 'the Electron runtime is not installed' };
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const fetched = locate(dir);
  if (fetched) return { path: fetched, reason: null };
  return {
    path: null,
    reason:
      r.error?.code === 'ETIMEDOUT'
        ? 'fetching the Electron runtime timed out'
        : 'the Electron runtime could not be fetched',
  };
}
