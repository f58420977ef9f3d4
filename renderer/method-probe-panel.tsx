import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { MethodProbeRow } from '../shared/grant-results';
import type { ProfileView } from '../shared/profile';
import { CallErrorAlert } from './call-error-alert';
import { newRequestId } from './request-draft';
import { WireView } from './wire-view';
import { workbench } from './workbench-api';

const verdictColors: Record<MethodProbeRow['verdict'], string> = {
  accepted: 'teal',
  rejected: 'red',
  // The answer does not tell: the Why column says what is missing.
  undecided: 'gray',
};

/** Which client authentication the server accepts: RFC Basic, raw Basic, post. */
export function MethodProbePanel({
  profile,
  beforeRequest,
}: {
  profile: ProfileView;
  beforeRequest: () => Promise<boolean>;
}) {
  const [rows, setRows] = useState<MethodProbeRow[] | null>(null);
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function probe() {
    setError(null);
    if (!(await beforeRequest())) return;
    const requestId = newRequestId();
    setInFlight(requestId);
    try {
      setRows(await workbench.probeAuthMethods({ profileId: profile.id, requestId }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setInFlight(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Authentication method</Text>
        <Group gap="xs">
          {inFlight && (
            <Button
              size="xs"
              variant="default"
              onClick={() => void workbench.cancelRequest({ requestId: inFlight })}
            >
              Cancel
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            loading={inFlight !== null}
            onClick={() => void probe()}
          >
            Probe authentication methods
          </Button>
        </Group>
      </Group>
      {error && <CallErrorAlert title="Probe authentication methods" message={error} />}
      {rows && (
        <Table withTableBorder fz="xs" aria-label="Authentication method probe">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Fragment key={r.variant}>
                <Table.Tr>
                  <Table.Td ff="monospace">{r.label}</Table.Td>
                  <Table.Td>
                    <Badge color={verdictColors[r.verdict]} variant="light" tt="none">
                      {r.verdict}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.detail}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setOpen((v) => (v === r.variant ? null : r.variant))}
                    >
                      {open === r.variant ? 'Hide exchange' : 'View exchange'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open === r.variant && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <WireView
                        request={r.request}
                        response={r.response}
                        basicDecoded={r.basicDecoded}
                      />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
