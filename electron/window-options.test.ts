import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('window security', () => {
  it('isolates and sandboxes the page', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('ships the renderer with a strict Content-Security-Policy', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
});
