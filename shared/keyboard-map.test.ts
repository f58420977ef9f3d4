import { describe, expect, it } from 'vitest';
import { keysLabel, shortcutFor, shortcuts } from './keyboard-map';

const key = (
  k: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('keyboard map', () => {
  it('maps Ctrl on Linux/Windows and ⌘ on macOS', () => {
    expect(shortcutFor(key('k', { ctrl: true }), false)).toBe('palette');
    expect(shortcutFor(key('k', { meta: true }), true)).toBe('palette');
    expect(shortcutFor(key('k', { meta: true }), false)).toBeNull();
    expect(shortcutFor(key('k', { ctrl: true }), true)).toBeNull();
  });

  it('tells Get token (Shift) from other keys and ignores Alt', () => {
    expect(shortcutFor(key('G', { ctrl: true, shift: true }), false)).toBe('get-token');
    expect(shortcutFor(key('g', { ctrl: true }), false)).toBeNull();
    expect(shortcutFor(key('s', { ctrl: true, alt: true }), false)).toBeNull();
  });

  it('Ctrl+Tab switches tabs on macOS too (Ctrl, not ⌘)', () => {
    expect(shortcutFor(key('Tab', { ctrl: true }), true)).toBe('next-tab');
    expect(shortcutFor(key('Tab', { ctrl: true, shift: true }), false)).toBe('previous-tab');
  });

  it('Ctrl+/ opens the shortcuts list, also where / needs Shift', () => {
    expect(shortcutFor(key('/', { ctrl: true }), false)).toBe('shortcuts');
  });

  it('local shortcuts are not taken by the shell', () => {
    expect(shortcutFor(key('Enter', { ctrl: true }), false)).toBeNull();
    expect(shortcuts.find((s) => s.id === 'send')?.local).toBe(true);
  });

  it('labels keys as the user reads them', () => {
    expect(keysLabel('mod+shift+g', false)).toBe('Ctrl+Shift+G');
    expect(keysLabel('mod+k', true)).toBe('⌘+K');
  });

  it('has no two shortcuts on the same keys', () => {
    const keys = shortcuts.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
