import { Badge, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { describeRateLimit, readRateLimit } from '../shared/rate-limit';
import type { WireResponse } from '../shared/wire';
import { formatBytes, formatMs, statusColor, statusLine } from './format';

/** `200 OK · 123 ms · 1.2 KB` for a response, with the rate-limit headers read. */
export function StatusSummary({ response }: { response: WireResponse }) {
  const [shownAt] = useState(() => Date.now());
  const rate = readRateLimit(response.headers, shownAt);
  const { firstByteMs } = response.timings;
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
        {firstByteMs !== undefined ? ` (first byte ${formatMs(firstByteMs)})` : ''}
      </Text>
      <Text size="sm" c="dimmed">
        {formatBytes(response.size)}
      </Text>
      {rate && (
        <Text size="sm" c={rate.remaining === 0 ? 'orange' : 'dimmed'}>
          Rate limit: {describeRateLimit(rate)}
        </Text>
      )}
      {response.contentType && (
        <Text size="xs" c="dimmed" ff="monospace">
          {response.contentType}
        </Text>
      )}
    </Group>
  );
}
