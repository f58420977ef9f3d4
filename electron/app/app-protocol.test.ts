import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_PAGE_URL,
  appFilePath,
  appRequestHandler,
  isAppOrigin,
  isAppPage,
} from './app-protocol';

describe('app:// page URL', () => {
  it('is the app page only for scheme app, host workbench and path /index.html', () => {
    expect(isAppPage(APP_PAGE_URL)).toBe(true);
    expect(isAppPage(`${APP_PAGE_URL}?x=1#y`)).toBe(true);
    expect(isAppPage('APP://WORKBENCH/index.html')).toBe(true);
    for (const url of [
      'file:///C:/Program%20Files/Token%20Workbench/resources/app.asar/dist/renderer/index.html',
      'file:///c:/program files/token workbench/index.html',
      'app://workbench/Index.html',
      'app://workbench:1/index.html',
      'app://user@workbench/index.html',
      'app://workbench.example/index.html',
      'app://workbench/assets/index.html',
      'https://workbench/index.html',
      'not a url',
    ]) {
      expect(isAppPage(url), url).toBe(false);
    }
    expect(isAppOrigin('app://workbench/assets/a.js')).toBe(true);
    expect(isAppOrigin('app://other/')).toBe(false);
  });
});

describe('app:// files', () => {
  const posixRoot = '/opt/Token Workbench/resources/app.asar/dist/renderer';
  const winRoot = 'C:\\Program Files\\Token Workbench 100%\\resources\\app.asar\\dist\\renderer';

  it('maps page and asset URLs under the root, on POSIX and Windows paths', () => {
    expect(appFilePath('app://workbench/', posixRoot)).toBe(`${posixRoot}/index.html`);
    expect(appFilePath('app://workbench/assets/index-abc.js', posixRoot)).toBe(
      `${posixRoot}/assets/index-abc.js`,
    );
    expect(appFilePath('app://workbench/assets/a%20b.css', winRoot, path.win32)).toBe(
      `${winRoot}\\assets\\a b.css`,
    );
    expect(appFilePath('app://workbench/index.html', 'c:\\app\\renderer', path.win32)).toBe(
      'c:\\app\\renderer\\index.html',
    );
  });

  it('refuses every way out of the root, in any encoding', () => {
    // `..` and `%2e%2e` segments are resolved by the URL parser itself and stay inside the root.
    expect(appFilePath('app://workbench/../secret', posixRoot)).toBe(`${posixRoot}/secret`);
    expect(appFilePath('app://workbench/%2e%2e/secret', posixRoot)).toBe(`${posixRoot}/secret`);
    const escapes = [
      'app://workbench/%2E%2E%2Fsecret',
      'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://workbench/..%5csecret',
      'app://workbench/%5c..%5csecret',
      'app://workbench/assets%00.js',
      'app://workbench/%E0%A4%A',
      'app://evil/index.html',
    ];
    for (const url of escapes) {
      expect(appFilePath(url, posixRoot), url).toBeNull();
      expect(appFilePath(url, winRoot, path.win32), url).toBeNull();
    }
    // A drive letter makes a Windows path absolute: it must not escape either.
    expect(appFilePath('app://workbench/C:%2fWindows%2fwin.ini', winRoot, path.win32)).toBeNull();
    expect(appFilePath('app://workbench/%2fetc%2fpasswd', posixRoot)).toBe(
      `${posixRoot}/etc/passwd`,
    );
  });

  it('serves files with the CSP header and answers 404 and 405 otherwise', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'twb-app-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
    const handle = appRequestHandler(root);
    const page = await handle(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<title>x</title>');
    const js = await handle(new Request('app://workbench/assets/a.js'));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await handle(new Request('app://workbench/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://workbench/%2e%2e/etc/passwd'))).status).toBe(404);
    expect((await handle(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});
