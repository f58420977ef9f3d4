/**
 * Electron's security checklist, item by item, read from the app's real configuration: window
 * options, protocol, CSP, session and web-contents handlers, IPC sender check, preload surface,
 * menu and the fuses in electron-builder.yml. Items that need a running app are checked by the
 * Electron e2e project where its runtime exists.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MenuItemConstructorOptions } from 'electron';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../shared/operations';
import { isSafeExternalUrl } from '../external-links';
import { isTrustedFrame } from '../ipc';
import { buildPreloadApi } from '../preload-api';
import { windowOptions } from '../window-options';
import { appMenuTemplate } from './app-menu';
import { APP_CSP, APP_PAGE_URL, appRequestHandler, appSchemePrivileges } from './app-protocol';
import { lockDownContents, lockDownSession, type SessionLike } from './app-security';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const prefs = windowOptions('/app/preload.cjs', { packaged: true }).webPreferences!;
const mainSource = read('electron/main.ts');

function sessionHandlers() {
  const h: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
  } = {};
  lockDownSession({
    setPermissionRequestHandler: (f) => void (h.request = f),
    setPermissionCheckHandler: (f) => void (h.check = f),
  });
  const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
    let granted: boolean | undefined;
    h.request!(null, permission, (g) => (granted = g), { requestingUrl, isMainFrame });
    return granted;
  };
  return { ask, check: h.check! };
}

function contentsHandlers() {
  const on = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let windowOpen: ((d: { url: string }) => { action: string }) | undefined;
  const opened: string[] = [];
  lockDownContents(
    {
      on: (name: string, l: (event: { preventDefault(): void }, url?: string) => void) =>
        void on.set(name, l),
      setWindowOpenHandler: (f: (d: { url: string }) => { action: string }) =>
        void (windowOpen = f),
    } as never,
    (url) => opened.push(url),
  );
  const fire = (name: string, url?: string) => {
    let prevented = false;
    on.get(name)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { fire, windowOpen: windowOpen!, opened };
}

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [
    String(i.role ?? i.label ?? ''),
    ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
  ]);

describe('Electron security checklist', () => {
  it('1. only loads secure content: the page comes from app:// (secure, standard), never http', () => {
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP');
    expect(mainSource).toContain('loadURL(APP_PAGE_URL)');
    expect(mainSource).not.toMatch(/loadURL\(['"`]http/);
  });

  it('2. no Node.js integration in the page, workers or subframes', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation is on', () => expect(prefs.contextIsolation).toBe(true));

  it('4. the renderer is sandboxed', () => expect(prefs.sandbox).toBe(true));

  it('5. permission requests are denied, except clipboard writes from the app page itself', () => {
    const { ask, check } = sessionHandlers();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(ask(p, APP_PAGE_URL), p).toBe(false);
    }
    expect(ask('clipboard-sanitized-write', APP_PAGE_URL)).toBe(true);
    expect(ask('clipboard-sanitized-write', APP_PAGE_URL, false)).toBe(false);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'file:///index.html')).toBe(false);
    expect(
      check(null, 'clipboard-sanitized-write', 'app://workbench', {
        requestingUrl: APP_PAGE_URL,
        isMainFrame: true,
      }),
    ).toBe(true);
    expect(check(null, 'media', 'app://workbench', { requestingUrl: APP_PAGE_URL })).toBe(false);
    expect(
      check(null, 'clipboard-sanitized-write', 'https://evil.example', {
        requestingUrl: APP_PAGE_URL,
        isMainFrame: true,
      }),
    ).toBe(false);
  });

  it('6. web security stays on', () => expect(prefs.webSecurity).toBe(true));

  it('7. a strict Content-Security-Policy, as a header and in the page', async () => {
    const html = read('renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const csp of [meta, APP_CSP]) {
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
    const response = await appRequestHandler('/nonexistent')(new Request(APP_PAGE_URL));
    expect(response.status).toBe(404);
  });

  it('8. no insecure content over https pages', () =>
    expect(prefs.allowRunningInsecureContent).toBe(false));

  it('9. no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));

  it('10. no enableBlinkFeatures anywhere', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(mainSource).not.toContain('enableBlinkFeatures');
  });

  it('11 + 12. no webviews: the tag is off and attaching one is prevented', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(contentsHandlers().fire('will-attach-webview')).toBe(true);
  });

  it('13. navigation is denied; links leave for the checked system-browser opener', () => {
    const c = contentsHandlers();
    expect(c.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-redirect', 'https://evil.example/r')).toBe(true);
    expect(c.fire('will-navigate', 'app://workbench/index.html')).toBe(true);
    expect(c.opened).toEqual(['https://evil.example/', 'https://evil.example/r']);
  });

  it('14. new windows are denied', () => {
    const c = contentsHandlers();
    expect(c.windowOpen({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal only for https (and http to loopback), never other schemes', () => {
    expect(isSafeExternalUrl('https://team.eu-1.celonis.cloud/')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'http://evil.example/',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(mainSource).toContain('openExternalSafely');
  });

  it('16. Electron is on a current line (45 or newer)', () => {
    const pinned = JSON.parse(read('package.json')).devDependencies.electron as string;
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17. every IPC call is checked for its sender: the app page, top frame only', () => {
    expect(isTrustedFrame({ url: APP_PAGE_URL, parent: null })).toBe(true);
    expect(isTrustedFrame({ url: APP_PAGE_URL, parent: {} as never })).toBe(false);
    expect(isTrustedFrame({ url: 'file:///C:/app/dist/renderer/index.html', parent: null })).toBe(
      false,
    );
  });

  it('18. no file:// page: served from app://, and file:// extra privileges fused off', () => {
    expect(mainSource).not.toMatch(/loadFile\(|pathToFileURL/);
    const config = yaml.load(read('electron-builder.yml')) as Record<string, unknown>;
    expect(config.electronFuses).toMatchObject({ grantFileProtocolExtraPrivileges: false });
  });

  it('19. fuses: RunAsNode, NODE_OPTIONS and --inspect off; asar integrity and asar-only on', async () => {
    const config = yaml.load(read('electron-builder.yml')) as Record<string, unknown>;
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
    // electron-builder's own schema accepts the whole file.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('20. the page gets named methods only, no Electron API; no DevTools or default menu when packaged', () => {
    const api = buildPreloadApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p', { packaged: false }).webPreferences!.devTools).toBe(true);
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const items = labels(appMenuTemplate(platform, { openShortcuts: () => {} }));
      expect(items).toEqual(expect.arrayContaining(['Edit', 'copy', 'paste', 'View', 'help']));
      expect(items.join(' ')).not.toMatch(/toggleDevTools|forceReload|reload/i);
    }
    expect(mainSource).toContain('Menu.setApplicationMenu');
  });
});
