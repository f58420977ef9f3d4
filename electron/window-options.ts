import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from './launch-options';

/** The one window's options: isolated, sandboxed, no Node in the page, no DevTools when packaged. */
export function windowOptions(
  preloadPath: string,
  { packaged }: { packaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}
