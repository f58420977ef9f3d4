import { Badge, Group, Stack, Text } from '@mantine/core';
import type { WireRequest } from '../shared/wire';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';
import { useSensitiveText } from './presentation';
import { mono } from './theme';

/** The request as it went over the wire (secrets masked by main). */
export function WireRequestView({
  request,
  basicDecoded,
}: {
  request: WireRequest;
  basicDecoded?: string | undefined;
}) {
  const mask = useSensitiveText();
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="filled" color="dark" radius="sm">
          {request.method}
        </Badge>
        <Text size="sm" style={{ ...mono, wordBreak: 'break-all' }}>
          {mask(request.url)}
        </Text>
      </Group>
      {basicDecoded !== undefined && (
        <Text size="sm">
          Basic credentials before base64:{' '}
          <Text span style={mono} inherit>
            {mask(basicDecoded)}
          </Text>
        </Text>
      )}
      <Text size="sm" fw={600}>
        Headers
      </Text>
      <HeadersTable headers={request.headers} label="Request headers" />
      <Text size="sm" fw={600}>
        Body{' '}
        {request.body && (
          <Text span size="xs" c="dimmed" style={mono}>
            {request.body.contentType}
          </Text>
        )}
      </Text>
      {request.body ? (
        <BodyView text={request.body.text} label="Request body" />
      ) : (
        <Text size="sm" c="dimmed">
          No body
        </Text>
      )}
    </Stack>
  );
}
