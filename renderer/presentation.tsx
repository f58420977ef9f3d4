import { createContext, useCallback, useContext } from 'react';
import { maskSensitive, type SensitiveKind } from '../shared/mask';

/**
 * Presentation mode: while on, every secret, token, Basic value and client ID on screen is
 * masked. Components show sensitive values only through `useSensitive()`; copy buttons still
 * copy the real value.
 */
const PresentationContext = createContext(false);

export const PresentationProvider = PresentationContext.Provider;

export function usePresentationMode(): boolean {
  return useContext(PresentationContext);
}

/** Returns `show(kind, value)`: the value itself, or its mask while presentation mode is on. */
export function useSensitive(): (kind: SensitiveKind, value: string) => string {
  const on = useContext(PresentationContext);
  return useCallback((kind, value) => (on ? maskSensitive(kind, value) : value), [on]);
}
