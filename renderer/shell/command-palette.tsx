import { Spotlight, useSpotlight, type SpotlightActionData } from '@mantine/spotlight';
import { memo, useMemo } from 'react';
import { keysLabel, shortcuts, type ShortcutId } from '../../shared/keyboard-map';
import type { ProfileView } from '../../shared/profile';
import type { SavedRequestSummary } from '../../shared/saved-request';
import { teamOf } from '../../shared/sidebar-rows';
import { paletteStore } from './palette-store';
import { isMac } from './use-shortcuts';

export interface PaletteCommand {
  id: string;
  label: string;
  description?: string;
  shortcut?: ShortcutId;
  run: () => void;
}

function keysOf(id: ShortcutId | undefined): string | undefined {
  const s = shortcuts.find((x) => x.id === id);
  return s ? keysLabel(s.keys, isMac) : undefined;
}

/** Ctrl/Cmd+K: jump to a profile or saved request, or run one of the main actions. */
export const CommandPalette = memo(function CommandPalette({
  profiles,
  requests,
  commands,
  onOpenProfile,
  onOpenRequest,
}: {
  profiles: ProfileView[];
  requests: SavedRequestSummary[];
  commands: PaletteCommand[];
  onOpenProfile: (id: string) => void;
  onOpenRequest: (profileId: string, requestId: string) => void;
}) {
  // 25,000 saved requests make 25,000 actions: built only while the palette is open.
  const { opened } = useSpotlight(paletteStore);
  const actions = useMemo(() => {
    if (!opened) return [];
    const names = new Map(profiles.map((p) => [p.id, p.name]));
    const list: SpotlightActionData[] = commands.map((c) => ({
      id: `cmd:${c.id}`,
      label: c.label,
      description: [c.description, keysOf(c.shortcut)].filter(Boolean).join(' · ') || undefined,
      group: 'Actions',
      onClick: c.run,
    }));
    for (const p of profiles) {
      list.push({
        id: `p:${p.id}`,
        label: p.name,
        description: `Profile · ${teamOf(p)}`,
        group: 'Profiles',
        onClick: () => onOpenProfile(p.id),
      });
    }
    for (const r of requests) {
      list.push({
        id: `r:${r.id}`,
        label: `${r.method} ${r.name}`,
        description: `Request in ${names.get(r.profileId) ?? 'a profile'} · ${r.url}`,
        group: 'Saved requests',
        onClick: () => onOpenRequest(r.profileId, r.id),
      });
    }
    return list;
  }, [opened, profiles, requests, commands, onOpenProfile, onOpenRequest]);

  return (
    <Spotlight
      store={paletteStore}
      actions={actions}
      shortcut={null}
      limit={40}
      nothingFound="Nothing matches: try a profile name, a request name or an action"
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        placeholder: 'Jump to a profile or request, or run an action…',
        'aria-label': 'Search profiles, requests and actions',
      }}
    />
  );
});
