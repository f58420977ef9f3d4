import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { maskSensitive, maskSensitiveText, type SensitiveKind } from '../shared/mask';

/**
 * Presentation mode: while on, every secret, token, Basic value and client ID on screen is
 * masked, text is larger and a badge says so. Components show sensitive values only through
 * `useSensitive()`; copy buttons still copy the real value.
 */
const PresentationContext = createContext(false);
const ToggleContext = createContext<(on: boolean) => void>(() => undefined);

export const PresentationProvider = PresentationContext.Provider;

export function usePresentationMode(): boolean {
  return useContext(PresentationContext);
}

/** Switches presentation mode on or off (the header switch, Ctrl/Cmd+Shift+P). */
export function usePresentationToggle(): (on: boolean) => void {
  return useContext(ToggleContext);
}

/** Returns `show(kind, value)`: the value itself, or its mask while presentation mode is on. */
export function useSensitive(): (kind: SensitiveKind, value: string) => string {
  const on = useContext(PresentationContext);
  return useCallback(
    (kind, value) => {
      if (value) seenValues.add(value);
      return on ? maskSensitive(kind, value) : value;
    },
    [on],
  );
}

const STORAGE_KEY = 'token-workbench.presentation-mode';
export const PRESENTATION_SHORTCUT = 'Ctrl+Shift+P (⌘+Shift+P on macOS)';

function initial(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Holds presentation mode for the whole app, with its shortcut and its larger text. */
export function PresentationRoot({ children }: { children: ReactNode }) {
  const [on, setOn] = useState(initial);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        setOn((v) => !v);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    // Mantine sizes everything from --mantine-scale: one variable enlarges the whole UI.
    if (on) root.style.setProperty('--mantine-scale', '1.15');
    else root.style.removeProperty('--mantine-scale');
    root.dataset.presentation = on ? 'on' : 'off';
    try {
      window.sessionStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    } catch {
      // storage blocked: the mode just does not survive a reload
    }
  }, [on]);

  const toggle = useMemo(() => (value: boolean) => setOn(value), []);
  return (
    <ToggleContext.Provider value={toggle}>
      <PresentationContext.Provider value={on}>{children}</PresentationContext.Provider>
    </ToggleContext.Provider>
  );
}

/** Every value that went through `useSensitive()` this run, so text views can mask it too. */
const seenValues = new Set<string>();

/** For whole texts (wire view, bodies, curl preview): masks tokens, credentials and known IDs. */
export function useSensitiveText(): (text: string) => string {
  const on = useContext(PresentationContext);
  return useCallback((text: string) => (on ? maskSensitiveText(text, seenValues) : text), [on]);
}
