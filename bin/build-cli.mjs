// Bundles the command line (electron/cli) into one ESM file; dependencies stay in node_modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export async function buildCli(root, outfile) {
  const { build } = await import('esbuild');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  await build({
    entryPoints: [path.join(root, 'electron', 'cli', 'cli-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    define: { __APP_VERSION__: JSON.stringify(version) },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  await buildCli(root, path.join(root, 'dist', 'cli', 'token-workbench.js'));
}
