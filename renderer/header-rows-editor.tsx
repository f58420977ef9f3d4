import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { HeaderRow } from './request-draft';
import { headerRow } from './request-draft';
import { mono } from './theme';

/** Editable request headers: name, value, sent or not; rows can be added and removed. */
export function HeaderRowsEditor({
  rows,
  onChange,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
}) {
  const update = (key: number, patch: Partial<HeaderRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Headers
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onChange([...rows, headerRow()])}>
          Add header
        </Button>
      </Group>
      {rows.map((row, i) => (
        <Group key={row.key} gap={6} wrap="nowrap">
          <Checkbox
            aria-label={`Send header ${i + 1}`}
            checked={row.enabled}
            onChange={(e) => update(row.key, { enabled: e.currentTarget.checked })}
          />
          <TextInput
            aria-label={`Header ${i + 1} name`}
            placeholder="Name"
            value={row.name}
            onChange={(e) => update(row.key, { name: e.currentTarget.value })}
            styles={{ input: mono }}
            size="xs"
            w="35%"
          />
          <TextInput
            aria-label={`Header ${i + 1} value`}
            placeholder="Value"
            value={row.value}
            onChange={(e) => update(row.key, { value: e.currentTarget.value })}
            styles={{ input: mono }}
            size="xs"
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove header ${i + 1}`}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Authorization is added from Auth (token or API key) unless a row here sets it. Switched-off
        rows are not sent.
      </Text>
    </Stack>
  );
}
