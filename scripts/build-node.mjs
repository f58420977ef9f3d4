// Bundles the Node side (Electron main, preload, browser host) with esbuild into dist/electron.
// Dependencies stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main.ts', 'browser-host': 'electron/browser-host/cli.ts' },
    outdir: 'dist/electron',
    format: 'esm',
  }),
  // Sandboxed preloads must be CommonJS; everything but `electron` is bundled in.
  build({
    ...common,
    packages: undefined,
    external: ['electron'],
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
]);
