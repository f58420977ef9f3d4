import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronExecutable, findElectron } from './electron-runtime.mjs';

describe('Electron runtime finder', () => {
  const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
  });

  it('names the executable the way each platform ships it', () => {
    expect(electronExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(electronExecutable('win32')).toBe('electron.exe');
    expect(electronExecutable('linux')).toBe('electron');
  });

  it('finds a runtime under ELECTRON_OVERRIDE_DIST_PATH by that name, and says when there is none', () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'twb electron %'));
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    expect(findElectron()).toEqual({ path: null, reason: 'the Electron runtime is not installed' });
    const exe = path.join(dist, electronExecutable());
    mkdirSync(path.dirname(exe), { recursive: true });
    writeFileSync(exe, '');
    chmodSync(exe, 0o755);
    expect(findElectron()).toEqual({ path: exe, reason: null });
  });
});
