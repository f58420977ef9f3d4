import { Stack, Text } from '@mantine/core';
import type { WireResponse } from '../shared/wire';
import { BodyView } from './body-view';
import { HeadersTable } from './headers-table';
import { StatusSummary } from './status-summary';

/** A response as received: status, timing, size, headers and the raw body. */
export function WireResponseView({ response }: { response: WireResponse }) {
  return (
    <Stack gap="sm">
      <StatusSummary response={response} />
      <Text size="sm" fw={600}>
        Headers
      </Text>
      <HeadersTable headers={response.headers} label="Response headers" />
      <Text size="sm" fw={600}>
        Body
      </Text>
      <BodyView text={response.bodyText} truncated={response.truncated} label="Response body" />
    </Stack>
  );
}
