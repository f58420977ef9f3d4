import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { queryRows, withQueryRows, type QueryRow } from './request-draft';
import { mono } from './theme';

/** The URL's query parameters as a table; every edit rewrites the URL and the other way round. */
export function QueryParamsTable({ url, onUrl }: { url: string; onUrl: (url: string) => void }) {
  const rows = queryRows(url);
  const write = (next: QueryRow[]) => onUrl(withQueryRows(url, next));
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Query parameters
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => write([...rows, { name: `param${rows.length + 1}`, value: '' }])}
        >
          Add parameter
        </Button>
      </Group>
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          None: add one here or type ?name=value in the URL.
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={i} gap={6} wrap="nowrap">
          <TextInput
            aria-label={`Query parameter ${i + 1} name`}
            value={row.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              write(rows.map((r, j) => (j === i ? { ...r, name } : r)));
            }}
            size="xs"
            w="35%"
            styles={{ input: mono }}
          />
          <TextInput
            aria-label={`Query parameter ${i + 1} value`}
            value={row.value}
            onChange={(e) => {
              const value = e.currentTarget.value;
              write(rows.map((r, j) => (j === i ? { ...r, value } : r)));
            }}
            size="xs"
            style={{ flex: 1 }}
            styles={{ input: mono }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove query parameter ${i + 1}`}
            onClick={() => write(rows.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
