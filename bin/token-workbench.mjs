#!/usr/bin/env node
// `token-workbench`: the command line on the app's services. From a checkout it bundles
// electron/cli with esbuild into dist/cli when any source is newer than the bundle (npm install
// runs no build scripts); an installed package carries dist/cli already (built by prepack).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'token-workbench.js');
const sources = ['electron', 'shared', 'package.json', 'bin/build-cli.mjs'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const fromCheckout = existsSync(path.join(root, 'electron', 'cli', 'cli-entry.ts'));
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (fromCheckout && built <= Math.max(...sources.map((s) => newest(path.join(root, s))))) {
  const { buildCli } = await import('./build-cli.mjs');
  try {
    await buildCli(root, bundle);
  } catch (err) {
    if (!existsSync(bundle)) {
      console.error(
        `token-workbench: cannot build the command line (${err.message}); run npm install.`,
      );
      process.exit(2);
    }
  }
}
if (!existsSync(bundle)) {
  console.error('token-workbench: dist/cli is missing from this package; reinstall it.');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
