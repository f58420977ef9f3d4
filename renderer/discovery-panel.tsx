import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { DiscoveryView } from '../shared/grant-results';
import type { ProfileView } from '../shared/profile';
import { CallErrorAlert } from './call-error-alert';
import { newRequestId } from './request-draft';
import { mono } from './theme';
import { workbench } from './workbench-api';

function List({ label, values }: { label: string; values: string[] }) {
  return (
    <Group gap={6} align="baseline">
      <Text size="xs" fw={600}>
        {label}:
      </Text>
      {values.length === 0 ? (
        <Text size="xs" c="dimmed">
          not announced
        </Text>
      ) : (
        values.map((v) => (
          <Badge key={v} size="sm" variant="light" tt="none" ff="monospace">
            {v}
          </Badge>
        ))
      )}
    </Group>
  );
}

/** What the server announces at /.well-known, and which endpoints the app uses. */
export function DiscoveryPanel({ profile }: { profile: ProfileView }) {
  const [view, setView] = useState<DiscoveryView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function read() {
    setBusy(true);
    setError(null);
    try {
      setView(await workbench.getDiscovery({ profileId: profile.id, requestId: newRequestId() }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const m = view?.metadata;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Server metadata</Text>
        <Button size="xs" variant="default" loading={busy} onClick={() => void read()}>
          Read discovery
        </Button>
      </Group>
      {error && <CallErrorAlert title="Discovery" message={error} />}
      {view && (
        <Stack gap={6} aria-label="Discovery">
          <Text size="xs" c="dimmed">
            {view.foundAt ? `Read from ${view.foundAt}` : 'No discovery document answered.'}
          </Text>
          <Table withTableBorder fz="xs" aria-label="Endpoints">
            <Table.Tbody>
              {(
                [
                  ['Authorization', view.endpoints.authorization],
                  ['Token', view.endpoints.token],
                  ['Device authorization', view.endpoints.deviceAuthorization],
                ] as const
              ).map(([name, e]) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td style={{ ...mono, wordBreak: 'break-all' }}>{e.url ?? '—'}</Table.Td>
                  <Table.Td>{e.source}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {m && (
            <>
              <List label="Grant types" values={m.grantTypes} />
              <List label="Authentication methods" values={m.authMethods} />
              <List label="PKCE methods" values={m.pkceMethods} />
            </>
          )}
          {view.notes.map((n) => (
            <Text key={n} size="xs" c="orange">
              {n}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
