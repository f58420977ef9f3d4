/**
 * Every keyboard shortcut of the workspace, in one table: the shell listens with it, the
 * "Keyboard shortcuts" dialog lists it, the command palette shows the keys beside its actions.
 */
export type ShortcutId =
  | 'palette'
  | 'save'
  | 'close-tab'
  | 'next-tab'
  | 'previous-tab'
  | 'get-token'
  | 'shortcuts'
  | 'presentation'
  | 'toggle-sidebar'
  | 'send';

export interface Shortcut {
  id: ShortcutId;
  /** `mod` is Ctrl, or ⌘ on macOS; `ctrl` is Ctrl everywhere. */
  keys: string;
  label: string;
  /** Handled by a component itself (listed in the dialog, not by the shell's listener). */
  local?: boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'palette', keys: 'mod+k', label: 'Search profiles, requests and actions' },
  { id: 'save', keys: 'mod+s', label: 'Save the profile or request in this tab' },
  { id: 'get-token', keys: 'mod+shift+g', label: 'Get token for this tab’s profile' },
  {
    id: 'send',
    keys: 'mod+enter',
    label: 'Send the request (Enter in the URL field too)',
    local: true,
  },
  {
    id: 'close-tab',
    keys: 'mod+w',
    label: 'Close this tab (asks first if it has unsaved changes)',
  },
  { id: 'next-tab', keys: 'ctrl+tab', label: 'Next tab' },
  { id: 'previous-tab', keys: 'ctrl+shift+tab', label: 'Previous tab' },
  { id: 'toggle-sidebar', keys: 'mod+b', label: 'Show or hide the sidebar' },
  { id: 'presentation', keys: 'mod+shift+p', label: 'Presentation mode on or off' },
  { id: 'shortcuts', keys: 'mod+/', label: 'This list of keyboard shortcuts' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(keys: string, e: KeyLike, mac: boolean): boolean {
  const parts = keys.split('+');
  const key = parts[parts.length - 1]!;
  const wantShift = parts.includes('shift');
  const wantMod = parts.includes('mod');
  const wantCtrl = parts.includes('ctrl');
  const ctrl = wantCtrl || (wantMod && !mac);
  const meta = wantMod && mac;
  if (e.ctrlKey !== ctrl || e.metaKey !== meta || e.shiftKey !== wantShift || e.altKey)
    return false;
  const pressed = e.key.toLowerCase();
  if (key === '/') return pressed === '/' || pressed === '?';
  return pressed === key;
}

/** The shell-level shortcut a key press means, or null. */
export function shortcutFor(e: KeyLike, mac: boolean): ShortcutId | null {
  for (const s of shortcuts) if (!s.local && matches(s.keys, e, mac)) return s.id;
  return null;
}

/** `mod+shift+g` as the user reads it: `Ctrl+Shift+G`, or `⌘+Shift+G` on macOS. */
export function keysLabel(keys: string, mac: boolean): string {
  return keys
    .split('+')
    .map((p) => {
      if (p === 'mod') return mac ? '⌘' : 'Ctrl';
      if (p === 'ctrl') return 'Ctrl';
      if (p === 'shift') return 'Shift';
      if (p === 'enter') return 'Enter';
      if (p === 'tab') return 'Tab';
      return p.length === 1 ? p.toUpperCase() : p;
    })
    .join('+');
}
