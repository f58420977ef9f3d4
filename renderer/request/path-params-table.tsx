import { Group, Stack, Text, TextInput } from '@mantine/core';
import type { PathParam } from '../../shared/saved-request';
import { mono } from '../theme';

/** One value per `{placeholder}` in the path (e.g. a preset's `{km}`); `{{variables}}` allowed. */
export function PathParamsTable({
  rows,
  onChange,
  error,
}: {
  rows: PathParam[];
  onChange: (rows: PathParam[]) => void;
  error: string | undefined;
}) {
  if (rows.length === 0) return null;
  return (
    <Stack gap={6} role="group" aria-label="Path parameters">
      <Text size="sm" fw={500}>
        Path parameters
      </Text>
      {rows.map((row, i) => (
        <Group key={row.name} gap={6} wrap="nowrap">
          <Text size="xs" w="35%" style={{ ...mono, wordBreak: 'break-all' }}>
            {`{${row.name}}`}
          </Text>
          <TextInput
            aria-label={`Path parameter ${row.name}`}
            placeholder="Value (required)"
            value={row.value}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange(rows.map((r, j) => (j === i ? { ...r, value } : r)));
            }}
            size="xs"
            style={{ flex: 1 }}
            styles={{ input: mono }}
            error={error && row.value.trim() === '' ? true : undefined}
          />
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
