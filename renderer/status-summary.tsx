import { Badge, Group, Text } from '@mantine/core';
import type { WireResponse } from '../shared/wire';
import { formatBytes, formatMs, statusColor, statusLine } from './format';

/** `200 OK · 123 ms · 1.2 KB` for a response. */
export function StatusSummary({ response }: { response: WireResponse }) {
  return (
    <Group gap="md">
      <Badge
        size="lg"
        radius="sm"
        variant="light"
        color={statusColor(response.status)}
        style={{ textTransform: 'none' }}
      >
        {statusLine(response.status, response.statusText)}
      </Badge>
      <Text size="sm" c="dimmed">
        {formatMs(response.timings.totalMs)}
      </Text>
      <Text size="sm" c="dimmed">
        {formatBytes(response.size)}
      </Text>
      {response.contentType && (
        <Text size="xs" c="dimmed" ff="monospace">
          {response.contentType}
        </Text>
      )}
    </Group>
  );
}
