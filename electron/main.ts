/** The Electron host: one window, locked down; all work happens in the shared handler table. */
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import Store from 'electron-store';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openExternalSafely } from './external-links';
import { registerIpc } from './ipc';
import { openJsonFileStore } from './services/data-store';
import { APP_NAME, parseLaunchOptions } from './launch-options';
import { windowOptions } from './window-options';
import { openWorkbench } from './workbench';

const here = path.dirname(fileURLToPath(import.meta.url));
const indexFile = path.resolve(here, '../renderer/index.html');
const pageUrl = pathToFileURL(indexFile).toString();
const options = parseLaunchOptions(process.argv, process.env);

app.setName(APP_NAME);
mkdirSync(options.dataDir, { recursive: true });
app.setPath('userData', options.dataDir);

const openExternal = (url: string) => openExternalSafely((u) => shell.openExternal(u), url);

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
});

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  // electron-store on the same versioned, repaired file the browser host opens with conf.
  const opened = openJsonFileStore(options.dataDir, {
    engine: (cwd, name) =>
      new Store<Record<string, unknown>>({
        cwd,
        name,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
        configFileMode: 0o600,
      }),
  });
  const workbench = await openWorkbench({
    dataDir: options.dataDir,
    store: opened.store,
    storeNotices: opened.notices,
    host: 'electron',
    version: app.getVersion(),
    openExternal,
  });
  registerIpc(ipcMain, workbench.handlers, () => pageUrl);

  const win = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  await win.loadFile(indexFile);

  app.on('window-all-closed', () => {
    void workbench.services.close().finally(() => app.quit());
  });
}

start().catch((err: unknown) => {
  console.error(
    `Token Workbench could not start: ${err instanceof Error ? err.message : String(err)}`,
  );
  app.exit(1);
});
