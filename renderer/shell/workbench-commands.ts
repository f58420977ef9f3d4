import type { ProfileView } from '../../shared/profile';
import type { PaletteCommand } from './command-palette';
import { askSave, askToken } from './tab-events';

/** The main actions the command palette offers, for the tab on screen. */
export function workbenchCommands(a: {
  currentProfile: ProfileView | null;
  newProfile: () => void;
  trySandbox: () => void;
  newRequest: (profileId: string) => void;
  closeTab: () => void;
  showShortcuts: () => void;
}): PaletteCommand[] {
  const p = a.currentProfile;
  return [
    { id: 'new-profile', label: 'New profile', run: a.newProfile },
    {
      id: 'sandbox',
      label: 'Try the sandbox',
      description: 'A new sandbox profile',
      run: a.trySandbox,
    },
    ...(p
      ? [
          {
            id: 'get-token',
            label: `Get token for ${p.name}`,
            shortcut: 'get-token' as const,
            run: askToken,
          },
          { id: 'new-request', label: `New request in ${p.name}`, run: () => a.newRequest(p.id) },
        ]
      : []),
    { id: 'save', label: 'Save this tab', shortcut: 'save', run: askSave },
    { id: 'close', label: 'Close this tab', shortcut: 'close-tab', run: a.closeTab },
    { id: 'shortcuts', label: 'Keyboard shortcuts', shortcut: 'shortcuts', run: a.showShortcuts },
  ];
}
