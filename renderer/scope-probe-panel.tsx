import { Badge, Button, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { ScopeProbeRow, ScopeVerdict } from '../shared/grant-results';
import type { ProfileView } from '../shared/profile';
import { allCatalogScopes } from '../shared/scope-catalog';
import { CallErrorAlert } from './call-error-alert';
import { newRequestId } from './request-draft';
import { workbench } from './workbench-api';

const verdictColor: Record<ScopeVerdict, string> = {
  granted: 'teal',
  rejected: 'red',
  dropped: 'orange',
  // The answer was not about the scope (e.g. the client did not authenticate).
  undecided: 'gray',
};

/**
 * Asks for each scope on its own, then for all together, one paced request at a time (main
 * waits between requests and out 429s). The renderer drives the steps, so progress is real and
 * Cancel stops after the request in flight.
 */
export function ScopeProbePanel({
  profile,
  beforeRequest,
  onUseScopes,
}: {
  profile: ProfileView;
  beforeRequest: () => Promise<boolean>;
  onUseScopes: (scopes: string[]) => Promise<void>;
}) {
  // Until the user chooses: the profile's scopes when it has some, else the whole catalog.
  const [chosen, setSource] = useState<'profile' | 'catalog' | null>(null);
  const source = chosen ?? (profile.scopes.length > 0 ? 'profile' : 'catalog');
  const [rows, setRows] = useState<ScopeProbeRow[]>([]);
  const [total, setTotal] = useState(0);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<{ requestId: string; cancelled: boolean } | null>(null);

  const scopes = source === 'profile' ? profile.scopes : [...allCatalogScopes];

  async function probe() {
    setError(null);
    if (!(await beforeRequest())) return;
    const steps = [...scopes.map((s) => [s]), ...(scopes.length > 1 ? [scopes] : [])];
    setRows([]);
    setTotal(steps.length);
    setRunning(true);
    const run = { requestId: '', cancelled: false };
    current.current = run;
    try {
      for (const step of steps) {
        if (run.cancelled) break;
        run.requestId = newRequestId();
        const row = await workbench.probeScope({
          profileId: profile.id,
          requestId: run.requestId,
          scopes: step,
        });
        if (run.cancelled && row.failure?.kind === 'cancelled') break;
        setRows((prev) => [...prev, row]);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
      current.current = null;
    }
  }

  function cancel() {
    const run = current.current;
    if (!run) return;
    run.cancelled = true;
    void workbench.cancelRequest({ requestId: run.requestId });
  }

  const single = rows.filter((r) => r.scopes.length === 1);
  const granted = single
    .filter((r) => r.verdicts[0]?.verdict === 'granted')
    .map((r) => r.scopes[0] ?? '');
  const done = rows.length;

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label="Scopes to probe"
          size="xs"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as 'profile' | 'catalog')}
          data={[
            { value: 'profile', label: `Ticked in the profile (${profile.scopes.length})` },
            { value: 'catalog', label: `Every catalog scope (${allCatalogScopes.length})` },
          ]}
          disabled={running}
        />
        <Group gap="xs">
          {running && (
            <Button size="xs" variant="default" onClick={cancel}>
              Cancel
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            loading={running}
            disabled={scopes.length === 0}
            onClick={() => void probe()}
          >
            Probe scopes
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        Client credentials requests, one scope at a time, at most about three a second; 429 answers
        are waited out. Probe tokens do not replace the profile&apos;s token.
      </Text>
      {error && <CallErrorAlert title="Probe scopes" message={error} />}
      {total > 0 && (
        <Stack gap={4}>
          <Progress
            value={(done / total) * 100}
            aria-label="Scope probe progress"
            size="sm"
            animated={running}
          />
          <Text size="xs" c="dimmed">
            {done} of {total} requests{running ? '' : done < total ? ' (cancelled)' : ' (done)'}
          </Text>
        </Stack>
      )}
      {rows.length > 0 && (
        <Table withTableBorder fz="xs" aria-label="Scope probe">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Server&apos;s words</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.flatMap((r, i) =>
              r.scopes.length === 1
                ? r.verdicts.map((v) => (
                    <Table.Tr key={`${i}-${v.scope}`}>
                      <Table.Td ff="monospace">{v.scope}</Table.Td>
                      <Table.Td>
                        <Badge color={verdictColor[v.verdict]} variant="light" tt="none">
                          {v.verdict}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {[r.error, r.errorDescription, r.failure?.error ? null : r.failure?.title]
                          .filter(Boolean)
                          .join(': ')}
                        {r.retriedAfter429 > 0 && ` (waited out ${r.retriedAfter429}× 429)`}
                      </Table.Td>
                    </Table.Tr>
                  ))
                : [
                    <Table.Tr key={`${i}-all`}>
                      <Table.Td>All {r.scopes.length} together</Table.Td>
                      <Table.Td>
                        {r.error
                          ? 'rejected'
                          : `${r.grantedScopes.length} of ${r.scopes.length} granted`}
                      </Table.Td>
                      <Table.Td>
                        {[r.error, r.errorDescription].filter(Boolean).join(': ')}
                      </Table.Td>
                    </Table.Tr>,
                  ],
            )}
          </Table.Tbody>
        </Table>
      )}
      {!running && single.length > 0 && (
        <Group gap="xs">
          <Button
            size="xs"
            disabled={granted.length === 0}
            onClick={() =>
              void onUseScopes(granted).catch((e: unknown) =>
                setError(`Use granted scopes: ${e instanceof Error ? e.message : String(e)}`),
              )
            }
          >
            Use granted scopes
          </Button>
          <Text size="xs" c="dimmed">
            Sets the profile&apos;s scopes to the {granted.length} granted one
            {granted.length === 1 ? '' : 's'}.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
