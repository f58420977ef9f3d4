import { Box, Button, Collapse, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiResult } from '../shared/results';
import { BodyView } from './body-view';
import { CopyAsCurl } from './copy-as-curl';
import { DiagnosisPanel } from './diagnosis-panel';
import { PagedBodyView } from './paged-body-view';
import { FailureAlert } from './failure-alert';
import { HeadersTable } from './headers-table';
import { StatusSummary } from './status-summary';
import { WireRequestView } from './wire-request-view';

/** The API call's outcome: status, time, size, headers, body; the masked request on demand. */
export function ResponseView({ result }: { result: ApiResult }) {
  const [showRequest, setShowRequest] = useState(false);
  const { response, request, failure } = result;
  return (
    <Box role="region" aria-label="Response">
      <Stack gap="sm">
        {response && <StatusSummary response={response} />}
        {failure && <FailureAlert failure={failure} />}
        <DiagnosisPanel findings={result.diagnosis} />
        {response && (
          <>
            <Tabs defaultValue="body" variant="pills" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="body">Body</Tabs.Tab>
                <Tabs.Tab value="headers">Headers ({response.headers.length})</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="body" pt="xs">
                {result.body ? (
                  <PagedBodyView
                    body={result.body}
                    fileStem={`response-${response.status}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`}
                  />
                ) : (
                  <BodyView
                    text={response.bodyText}
                    truncated={response.truncated}
                    label="Response body"
                  />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="headers" pt="xs">
                <HeadersTable headers={response.headers} label="Response headers" />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
        {request && (
          <div>
            {result.callId && <CopyAsCurl callId={result.callId} />}
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setShowRequest((v) => !v)}
              aria-expanded={showRequest}
            >
              {showRequest ? 'Hide the request that was sent' : 'Show the request that was sent'}
            </Button>
            <Collapse expanded={showRequest}>
              <Box pt="xs">
                <WireRequestView request={request} />
              </Box>
            </Collapse>
          </div>
        )}
        {!response && !failure && (
          <Text size="sm" c="dimmed">
            No response.
          </Text>
        )}
      </Stack>
    </Box>
  );
}
