// Builds the renderer and the Node side when any source is newer than the last build, so that
// `npm start` and `npm run browser` work right after `npm install` on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = [
  'renderer',
  'shared',
  'electron',
  'vite.config.ts',
  'package.json',
  'scripts/build-node.mjs',
];

function newest(p) {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(full)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

export function buildIfStale({ quiet = false } = {}) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built > Math.max(...sources.map(newest))) return;
  if (!quiet) console.log('Building Token Workbench…');
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, {
      cwd: root,
      stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) {
      if (quiet) process.stderr.write(r.stderr ?? '');
      throw new Error(`build step failed: ${cmd} ${args.join(' ')}`);
    }
  };
  run(process.execPath, [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
  run(process.execPath, [path.join(root, 'scripts/build-node.mjs')]);
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildIfStale();
