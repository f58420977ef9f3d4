import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { ipcChannel, operationNames } from '../shared/operations';
import { isAppPage } from './app/app-protocol';
import { dispatch, type Handlers } from './handlers';

/** The part of ipcMain this module uses (so its wiring can be tested without Electron). */
export interface IpcRegistrar {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>,
  ): void;
}

/**
 * True only for the app's own top-level page. The URL is parsed and compared by scheme, host and
 * path (app://workbench/index.html), never as a string built by other code.
 */
export function isTrustedFrame(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null,
  isTrustedUrl: (url: string) => boolean = isAppPage,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url);
}

/**
 * One `ipcMain.handle` per operation. Every call is checked for its sender frame and parsed with
 * the contract's schema (in dispatch) before anything runs.
 */
export function registerIpc(
  ipc: IpcRegistrar,
  handlers: Handlers,
  isTrustedUrl: (url: string) => boolean = isAppPage,
): void {
  for (const name of operationNames) {
    ipc.handle(ipcChannel(name), async (event, input) => {
      if (!isTrustedFrame(event.senderFrame, isTrustedUrl)) {
        return {
          ok: false,
          error: { message: `Refused ${name}: the call did not come from the app's window.` },
        };
      }
      return dispatch(handlers, name, input);
    });
  }
}
