import { useEffect, useEffectEvent } from 'react';
import { shortcutFor, type ShortcutId } from '../../shared/keyboard-map';

export const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The shell's keyboard shortcuts (from shared/keyboard-map), on the window in the capture
 * phase so a focused input does not swallow them. Handlers may change every render.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.isComposing) return;
    const id = shortcutFor(e, isMac);
    const handler = id ? handlers[id] : undefined;
    if (!handler) return;
    e.preventDefault();
    e.stopPropagation();
    handler();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
