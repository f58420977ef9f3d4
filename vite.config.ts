import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to static files that both hosts serve: Electron loads them from disk,
// the browser host serves them on 127.0.0.1. `base: './'` keeps asset URLs relative for file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
});
