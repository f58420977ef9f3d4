import { Alert, Badge, Button, Group, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { ProfileView } from '../shared/profile';
import { grantTypeLabels } from '../shared/profile';
import { announceDeleted, useLastDeleted } from './deleted-profile';
import { ProfileRowMenu } from './profile-row-menu';
import { ProfileTransferButtons } from './profile-transfer-buttons';
import { useSensitive } from './presentation';
import { workbench } from './workbench-api';

type Row =
  { kind: 'group'; label: string; count: number } | { kind: 'profile'; profile: ProfileView };

function teamOf(p: ProfileView): string {
  if (p.sandbox) return 'Sandbox';
  if (p.team && p.cluster) return `${p.team}.${p.cluster}`;
  return p.effectiveBaseUrl ?? 'No team';
}

/** Profiles grouped by team, filtered by the search text, as flat rows for the virtual list. */
function rowsOf(profiles: ProfileView[], query: string): Row[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, ProfileView[]>();
  for (const p of profiles) {
    const team = teamOf(p);
    if (q && !`${p.name} ${team} ${p.clientId}`.toLowerCase().includes(q)) continue;
    groups.set(team, [...(groups.get(team) ?? []), p]);
  }
  const rows: Row[] = [];
  for (const team of [...groups.keys()].sort((a, b) => a.localeCompare(b))) {
    const list = groups.get(team) ?? [];
    rows.push({ kind: 'group', label: team, count: list.length });
    for (const p of list.sort((a, b) => a.name.localeCompare(b.name))) {
      rows.push({ kind: 'profile', profile: p });
    }
  }
  return rows;
}

/** The navbar: profiles grouped by team, searchable, with duplicate/rename/delete-with-undo. */
export function ProfileList({
  profiles,
  selected,
  unsaved,
  onSelect,
  onNew,
  showNewButton,
  onProfilesChanged,
}: {
  profiles: ProfileView[];
  selected: string | null;
  unsaved: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onNew: () => void;
  showNewButton: boolean;
  onProfilesChanged: (list: ProfileView[]) => void;
}) {
  const [query, setQuery] = useState('');
  const deleted = useLastDeleted();
  const setDeleted = announceDeleted;
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => rowsOf(profiles, query), [profiles, query]);
  const scroller = useRef<HTMLDivElement>(null);
  const show = useSensitive();
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this list itself
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? 28 : 58),
    overscan: 8,
  });

  async function reload(selectId: string | null) {
    const list = await workbench.listProfiles({});
    onProfilesChanged(list);
    if (selectId) onSelect(selectId);
  }

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          Profiles
        </Text>
        {showNewButton && (
          <Button size="compact-sm" variant="light" onClick={onNew}>
            New profile
          </Button>
        )}
      </Group>
      <ProfileTransferButtons
        onImported={(list, firstId) => {
          onProfilesChanged(list);
          if (firstId) onSelect(firstId);
        }}
      />
      {profiles.length > 0 && (
        <TextInput
          size="xs"
          aria-label="Search profiles"
          placeholder={`Search ${profiles.length} profiles`}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      {deleted && (
        <Alert color="gray" p="xs" role="status">
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs">Deleted {deleted.name}</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                const id = deleted.id;
                setDeleted(null);
                void workbench.restoreProfile({ id }).then(
                  () => reload(id),
                  (e: unknown) =>
                    setError(`Undo failed: ${e instanceof Error ? e.message : String(e)}`),
                );
              }}
            >
              Undo
            </Button>
          </Group>
        </Alert>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {profiles.length === 0 ? (
        <Text size="sm" c="dimmed">
          No profiles yet.
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No profile matches “{query}”.
        </Text>
      ) : (
        <nav
          aria-label="Profiles"
          ref={scroller}
          style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const style = {
                position: 'absolute' as const,
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              };
              if (row.kind === 'group') {
                return (
                  <Text
                    key={`g:${row.label}`}
                    data-index={item.index}
                    ref={virtual.measureElement}
                    style={style}
                    size="xs"
                    fw={700}
                    c="dimmed"
                    pt={8}
                    truncate
                  >
                    {row.label} · {row.count}
                  </Text>
                );
              }
              const p = row.profile;
              return (
                <Group
                  key={p.id}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  style={style}
                  gap={0}
                  wrap="nowrap"
                >
                  <NavLink
                    component="button"
                    type="button"
                    style={{ flex: 1, minWidth: 0 }}
                    active={p.id === selected}
                    aria-current={p.id === selected ? 'page' : undefined}
                    onClick={() => onSelect(p.id)}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500} truncate>
                          {p.name}
                        </Text>
                        {unsaved.has(p.id) && (
                          <Badge size="xs" color="yellow" variant="dot">
                            unsaved
                          </Badge>
                        )}
                      </Group>
                    }
                    description={
                      <Group gap={6} wrap="nowrap" mt={2}>
                        {p.sandbox && (
                          <Badge size="xs" color="grape" variant="light">
                            Sandbox
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed" truncate ff="monospace">
                          {show('client-id', p.clientId)}
                        </Text>
                        <Text size="xs" c="dimmed" truncate>
                          {grantTypeLabels[p.grantType]}
                        </Text>
                      </Group>
                    }
                  />
                  <ProfileRowMenu
                    profile={p}
                    onDone={(id) => void reload(id)}
                    onError={setError}
                    onDeleted={(gone) => {
                      setDeleted(gone);
                      void reload(null);
                    }}
                  />
                </Group>
              );
            })}
          </div>
        </nav>
      )}
    </Stack>
  );
}
