import { Box, Group, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../shared/results';
import { BodyView } from './body-view';
import { CopyAsCurl } from './copy-as-curl';
import { DiagnosisPanel } from './diagnosis-panel';
import { PagedBodyView } from './paged-body-view';
import { FailureAlert } from './failure-alert';
import { HeadersTable } from './headers-table';
import { StatusSummary } from './status-summary';
import { WireRequestView } from './wire-request-view';

const fill = { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 } as const;
const scroll = { flex: 1, minHeight: 0, overflow: 'auto' } as const;

function fileStemOf(status: number): string {
  return `response-${status}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}

/**
 * The API call's outcome: status line, then Body / Headers / Request filling the rest of the
 * pane. With `focusOnResult`, a new result moves focus to its status (or the Diagnosis).
 */
export function ResponseView({
  result,
  focusOnResult = false,
}: {
  result: ApiResult;
  focusOnResult?: boolean;
}) {
  const [fileStem] = useState(() => fileStemOf(result.response?.status ?? 0));
  const { response, request, failure } = result;
  const statusRef = useRef<HTMLDivElement>(null);
  const diagnosisRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusOnResult) return;
    const target = result.diagnosis.length > 0 || !response ? diagnosisRef : statusRef;
    (target.current ?? statusRef.current)?.focus();
  }, [result, response, focusOnResult]);

  const problems = (failure || result.diagnosis.length > 0) && (
    <Box
      ref={diagnosisRef}
      tabIndex={-1}
      role="group"
      aria-label="Finding"
      style={{ outlineOffset: 2 }}
    >
      <Stack gap="xs">
        {failure && <FailureAlert failure={failure} findings={result.diagnosis} />}
        <DiagnosisPanel findings={result.diagnosis} failure={failure} />
      </Stack>
    </Box>
  );

  return (
    <Box role="region" aria-label="Response" style={fill}>
      <Group gap="sm" justify="space-between" wrap="nowrap" mb={6}>
        <Box
          ref={statusRef}
          tabIndex={-1}
          role="group"
          aria-label="Response status"
          style={{ outlineOffset: 2, flex: 1, minWidth: 0 }}
        >
          {response ? (
            <StatusSummary response={response} />
          ) : (
            <Text size="sm" c="dimmed">
              No response.
            </Text>
          )}
        </Box>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {request && result.callId && <CopyAsCurl callId={result.callId} />}
        </Group>
      </Group>
      {!response ? (
        <ScrollArea style={{ flex: 1, minHeight: 0 }}>
          <Stack gap="sm">
            {problems}
            {request && (
              <Box>
                <Text size="sm" fw={600} mb={4}>
                  Request sent
                </Text>
                <WireRequestView request={request} />
              </Box>
            )}
          </Stack>
        </ScrollArea>
      ) : (
        <Tabs defaultValue="body" variant="pills" keepMounted={false} style={fill}>
          <Tabs.List>
            <Tabs.Tab value="body">Body</Tabs.Tab>
            <Tabs.Tab value="headers">Headers ({response.headers.length})</Tabs.Tab>
            {request && <Tabs.Tab value="request">Request sent</Tabs.Tab>}
          </Tabs.List>
          {problems && (
            <ScrollArea.Autosize mah="40%" mt="xs">
              {problems}
            </ScrollArea.Autosize>
          )}
          <Tabs.Panel value="body" pt="xs" style={fill}>
            {result.body ? (
              <PagedBodyView body={result.body} fileStem={fileStem} />
            ) : (
              <BodyView
                text={response.bodyText}
                truncated={response.truncated}
                label="Response body"
              />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="headers" pt="xs" style={scroll}>
            <HeadersTable headers={response.headers} label="Response headers" />
          </Tabs.Panel>
          {request && (
            <Tabs.Panel value="request" pt="xs" style={scroll}>
              <WireRequestView request={request} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Box>
  );
}
