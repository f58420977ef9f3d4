import { Badge, Switch } from '@mantine/core';
import { useCallback, useSyncExternalStore } from 'react';
import { maskPersonalData, maskPersonalHeaders } from '../../shared/pii-mask';
import { usePresentationMode } from '../presentation';

/**
 * Personal-data masking (e-mail addresses, phone numbers, IBANs, card numbers, name fields) in
 * response bodies and headers. On by default while presenting; the user may switch it off for
 * the session. Outside presentation mode nothing is masked.
 */
const STORAGE_KEY = 'token-workbench.mask-personal-data';
const listeners = new Set<() => void>();

function readEnabled(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) !== '0';
  } catch {
    return true;
  }
}
let enabled = typeof window === 'undefined' ? true : readEnabled();

export function setPersonalDataMasking(on: boolean): void {
  enabled = on;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // storage blocked: the choice lasts until reload
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while presentation mode is on and personal-data masking is not switched off. */
export function usePersonalDataMasking(): {
  active: boolean;
  enabled: boolean;
  presenting: boolean;
} {
  const presenting = usePresentationMode();
  const on = useSyncExternalStore(subscribe, () => enabled);
  return { active: presenting && on, enabled: on, presenting };
}

/** `mask(text)`: the text with personal data masked while masking is active. */
export function usePersonalDataText(): (text: string) => string {
  const { active } = usePersonalDataMasking();
  return useCallback((text: string) => (active ? maskPersonalData(text) : text), [active]);
}

export function usePersonalDataHeaders(): (h: [string, string][]) => [string, string][] {
  const { active } = usePersonalDataMasking();
  return useCallback((h: [string, string][]) => (active ? maskPersonalHeaders(h) : h), [active]);
}

/** The badge and switch shown while presenting: "Personal data masked". */
export function PersonalDataBadge() {
  const { enabled: on, presenting } = usePersonalDataMasking();
  if (!presenting) return null;
  return (
    <Switch
      size="xs"
      checked={on}
      onChange={(e) => setPersonalDataMasking(e.currentTarget.checked)}
      label={
        <Badge size="sm" variant={on ? 'filled' : 'outline'} color={on ? 'grape' : 'gray'}>
          {on ? 'Personal data masked' : 'Personal data shown'}
        </Badge>
      }
      aria-label="Mask personal data (e-mail addresses, phone numbers, IBANs) while presenting"
    />
  );
}
