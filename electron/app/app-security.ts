/**
 * What every web contents and the session are allowed to do: nothing, except copying to the
 * clipboard from the app's own top-level page. Takes Electron-shaped objects so the wiring is
 * tested without the runtime.
 */
import { isAppOrigin, isAppPage } from './app-protocol';

/** The one permission granted, and only to the app's own top-level page. */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

export function permissionAllowed(permission: string, details: PermissionDetails): boolean {
  return (
    permission === ALLOWED_PERMISSION &&
    details.isMainFrame === true &&
    isAppPage(details.requestingUrl ?? '')
  );
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionDetails,
    ) => boolean,
  ): void;
}

export function lockDownSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details)),
  );
  session.setPermissionCheckHandler(
    (_wc, permission, requestingOrigin, details) =>
      isAppOrigin(requestingOrigin) && permissionAllowed(permission, details),
  );
}

export interface ContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** No navigation, no webviews, no new windows: links go to the system browser, checked. */
export function lockDownContents(
  contents: ContentsLike,
  openExternal: (url: string) => void,
): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    if (!isAppOrigin(url)) openExternal(url);
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
