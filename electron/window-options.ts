import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from './launch-options';

/** The one window's options: isolated, sandboxed, no Node in the page. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1400,
    height: 900,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
