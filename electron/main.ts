/** The Electron host: one window, locked down; all work happens in the shared handler table. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appMenuTemplate } from './app/app-menu';
import { APP_PAGE_URL, appSchemePrivileges, serveAppProtocol } from './app/app-protocol';
import { lockDownContents, lockDownSession } from './app/app-security';
import { createFatalHandler } from './app/fatal-error';
import { createQuitGuard } from './app/quit-guard';
import { openExternalSafely } from './external-links';
import { registerIpc } from './ipc';
import { forwardEvents } from './event-forwarder';
import { openJsonFileStore } from './services/data-store';
import { APP_NAME, parseLaunchOptions } from './launch-options';
import { windowOptions } from './window-options';
import { openWorkbench } from './workbench';

let windowShown = false;
const fatal = createFatalHandler({
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  exit: (code) => app.exit(code),
  log: (line) => console.error(line),
  windowShown: () => windowShown,
});
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.resolve(here, '../renderer');
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

const openExternal = (url: string) => openExternalSafely((u) => shell.openExternal(u), url);
app.on('web-contents-created', (_event, contents) => lockDownContents(contents, openExternal));

// Quit handling is in place before anything loads: services close on will-quit, which Cmd+Q on
// macOS emits without window-all-closed.
const quit = createQuitGuard(app);
app.on('window-all-closed', () => app.quit());

async function start(): Promise<void> {
  const options = parseLaunchOptions(process.argv, process.env);
  app.setName(APP_NAME);
  mkdirSync(options.dataDir, { recursive: true });
  app.setPath('userData', options.dataDir);
  await app.whenReady();
  lockDownSession(session.defaultSession);
  serveAppProtocol(protocol, rendererRoot);

  // The same versioned, repaired store (memory + atomic write-through) the browser host opens.
  const opened = openJsonFileStore(options.dataDir);
  const workbench = await openWorkbench({
    dataDir: options.dataDir,
    store: opened.store,
    storeNotices: opened.notices,
    host: 'electron',
    version: app.getVersion(),
    openExternal,
    showSaveDialog: (name) =>
      dialog
        .showSaveDialog({ defaultPath: path.join(app.getPath('downloads'), name) })
        .then((r) => (r.canceled || !r.filePath ? null : r.filePath)),
  });
  quit.closeOnQuit(() => workbench.services.close());
  registerIpc(ipcMain, workbench.handlers);

  const win = new BrowserWindow(
    windowOptions(path.join(here, 'preload.cjs'), { packaged: app.isPackaged }),
  );
  forwardEvents(workbench.services.eventFeed, win.webContents, ipcMain);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(process.platform, {
        // The page's own shortcut opens the dialog; the menu sends the same keys.
        openShortcuts: () =>
          win.webContents.sendInputEvent({
            type: 'keyDown',
            keyCode: '/',
            modifiers: [process.platform === 'darwin' ? 'meta' : 'control'],
          }),
      }),
    ),
  );
  win.once('ready-to-show', () => {
    windowShown = true;
    win.show();
  });
  await win.loadURL(APP_PAGE_URL);
}

start().catch(fatal);
