import { Tabs, Text } from '@mantine/core';
import type { WireRequest, WireResponse } from '../shared/wire';
import { WireRequestView } from './wire-request-view';
import { WireResponseView } from './wire-response-view';

/** The token call on the wire: what was sent and what came back. */
export function WireView({
  request,
  response,
  basicDecoded,
}: {
  request: WireRequest | null;
  response: WireResponse | null;
  basicDecoded?: string | undefined;
}) {
  return (
    <Tabs defaultValue={response ? 'response' : 'request'} variant="outline" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="request">Request</Tabs.Tab>
        <Tabs.Tab value="response">Response</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="request" pt="sm">
        {request ? (
          <WireRequestView request={request} basicDecoded={basicDecoded} />
        ) : (
          <Text size="sm" c="dimmed">
            No request was sent.
          </Text>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="response" pt="sm">
        {response ? (
          <WireResponseView response={response} />
        ) : (
          <Text size="sm" c="dimmed">
            No response was received.
          </Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
