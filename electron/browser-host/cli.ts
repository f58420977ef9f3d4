/**
 * The browser host's entry point: `npm run browser` (and `npm start` where Electron cannot run).
 * Serves the built renderer and the handler table on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLaunchOptions } from '../launch-options';
import { openJsonFileStore } from '../services/data-store';
import { openWorkbench } from '../workbench';
import { installProcessGuard } from './process-guard';
import { startBrowserHost } from './server';

declare const __APP_VERSION__: string;

function openInBrowser(url: string): void {
  const cmd =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener: the printed line is enough.
  }
}

async function main(): Promise<void> {
  installProcessGuard();
  let options;
  try {
    options = parseLaunchOptions(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`Token Workbench: ${(err as Error).message}`);
    process.exit(2);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opened = openJsonFileStore(options.dataDir);
  for (const notice of opened.notices) console.log(`Token Workbench: ${notice}`);
  const workbench = await openWorkbench({
    dataDir: options.dataDir,
    store: opened.store,
    storeNotices: opened.notices,
    host: 'browser',
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
  });
  const host = await startBrowserHost({
    handlers: workbench.handlers,
    staticDir: path.resolve(here, '../renderer'),
    port: options.port,
    ...(options.preferredPort !== undefined ? { preferredPort: options.preferredPort } : {}),
    events: workbench.services.eventFeed,
    downloads: workbench.services.responseExport,
  });
  console.log(`Token Workbench is running at ${host.url}`);
  if (workbench.services.vault.problem) {
    console.log(
      `Secrets are kept in memory for this run only: ${workbench.services.vault.problem}`,
    );
  }
  if (options.open) openInBrowser(host.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([host.close(), workbench.services.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
