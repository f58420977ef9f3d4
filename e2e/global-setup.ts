import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer and the Node side once before the e2e run (skipped when up to date). */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed before the e2e run');
}
