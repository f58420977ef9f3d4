import { Badge, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { ProfileView } from '../shared/profile';
import { grantTypeLabels } from '../shared/profile';

/** The navbar: every profile with where it points and its grant type. */
export function ProfileList({
  profiles,
  selected,
  unsaved,
  onSelect,
  onNew,
  showNewButton,
}: {
  profiles: ProfileView[];
  selected: string | null;
  unsaved: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onNew: () => void;
  showNewButton: boolean;
}) {
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
      <ScrollArea style={{ flex: 1 }} type="auto">
        {profiles.length === 0 ? (
          <Text size="sm" c="dimmed">
            No profiles yet.
          </Text>
        ) : (
          <nav aria-label="Profiles">
            {profiles.map((p) => (
              <NavLink
                key={p.id}
                component="button"
                type="button"
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
                    {p.sandbox ? (
                      <Badge size="xs" color="grape" variant="light">
                        Sandbox
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed" truncate ff="monospace">
                        {p.team && p.cluster
                          ? `${p.team}.${p.cluster}`
                          : (p.effectiveBaseUrl ?? 'no team')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" truncate>
                      {grantTypeLabels[p.grantType]}
                    </Text>
                  </Group>
                }
              />
            ))}
          </nav>
        )}
      </ScrollArea>
    </Stack>
  );
}
