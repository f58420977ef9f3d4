// `npm run fuzz`: the RPC fuzz (HTTP and IPC) with 10x the inputs of the default run in npm test.
// FUZZ_SEED=<n> replays another seed; FUZZ_SCALE=<n> sets the multiplier.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'electron/fuzz/'],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, FUZZ_SCALE: process.env.FUZZ_SCALE ?? '10' },
  },
);
process.exit(r.status ?? 1);
