// Bundles some of the app's TypeScript sources into one Node ES module for a script (the
// benchmarks, the path measurement): `contents` is the entry's code, resolved from the repository
// root; packages stay external, so the bundle must live under node_modules/.cache to find them.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the bundle at node_modules/.cache/<name>; returns its path. */
export async function bundleSources({ name, contents, sourcemap = false }) {
  const outfile = path.join(root, 'node_modules/.cache', name);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    stdin: {
      contents,
      resolveDir: root,
      sourcefile: `${path.basename(name)}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
