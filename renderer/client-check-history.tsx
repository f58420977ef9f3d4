import { Badge, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ClientCheckListItem } from '../shared/client-check/check-types';
import { workbench } from './workbench-api';

const outcomeColor = { passed: 'teal', failed: 'red', undecided: 'gray', cancelled: 'gray' };

/** The last "Check this client" result of every profile, newest first, in the history view. */
export function ClientCheckHistory() {
  const [items, setItems] = useState<ClientCheckListItem[] | null>(null);
  useEffect(() => {
    workbench.listClientChecks({}).then(setItems, () => setItems([]));
  }, []);
  if (!items || items.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label="Client checks">
      <Text fw={600} size="sm">
        Client checks (the last one per profile)
      </Text>
      <Stack
        gap={2}
        component="ul"
        role="list"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {items.map((item) => (
          <li key={item.profileId}>
            <Group gap="xs" wrap="nowrap">
              <Badge size="sm" color={item.outcome ? outcomeColor[item.outcome] : 'gray'}>
                {item.outcome ?? 'running'}
              </Badge>
              <Text size="sm" fw={500}>
                {item.profileName}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {item.finishedAt ? new Date(item.finishedAt).toLocaleString() : ''}
              </Text>
              <Text size="xs" truncate="end" style={{ minWidth: 0 }} title={item.sentence ?? ''}>
                {item.sentence}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
