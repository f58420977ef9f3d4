import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistoryEntry, HistorySummary } from '../shared/history';
import type { TokenResult } from '../shared/results';
import { BodyView } from './body-view';
import { ClientCheckHistory } from './client-check-history';
import { CopyAsCurl } from './copy-as-curl';
import { DiagnosisPanel } from './diagnosis-panel';
import { FailureAlert } from './failure-alert';
import { formatMs, statusColor } from './format';
import { HeadersTable } from './headers-table';
import { newRequestId } from './request-draft';
import { StatusSummary } from './status-summary';
import { mono } from './theme';
import { WireRequestView } from './wire-request-view';
import { workbench } from './workbench-api';

type StatusFilter = 'all' | 'ok' | 'error' | 'failed';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every token and API call, newest first: search, filter, open, re-send, clear. */
export function HistoryView({
  onResendApi,
}: {
  /** Puts an API entry back into the request editor and sends it. */
  onResendApi: (entry: HistoryEntry) => void;
}) {
  const [list, setList] = useState<HistorySummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [profile, setProfile] = useState('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [open, setOpen] = useState<HistoryEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tokenResend, setTokenResend] = useState<TokenResult | null>(null);

  const reload = useCallback(() => {
    workbench.listHistory({}).then(setList, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);

  const profiles = useMemo(() => {
    const names = new Map<string, string>();
    for (const e of list ?? []) names.set(e.profileId, e.profileName);
    return [...names];
  }, [list]);

  const shown = (list ?? []).filter((e) => {
    if (profile !== 'all' && e.profileId !== profile) return false;
    if (status !== 'all' && e.outcome !== status) return false;
    const q = query.trim().toLowerCase();
    return (
      !q || `${e.method} ${e.url} ${e.status ?? ''} ${e.profileName}`.toLowerCase().includes(q)
    );
  });

  async function openEntry(id: string) {
    setError(null);
    setTokenResend(null);
    try {
      setOpen(await workbench.getHistoryEntry({ id }));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function resend(entry: HistoryEntry) {
    setError(null);
    if (entry.kind === 'api') {
      onResendApi(entry);
      return;
    }
    try {
      setTokenResend(
        await workbench.resendTokenCall({ callId: entry.id, requestId: newRequestId() }),
      );
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  if (open) {
    return (
      <Stack gap="sm">
        <Group justify="space-between">
          <Button size="xs" variant="subtle" onClick={() => setOpen(null)}>
            ← Back to the list
          </Button>
          <Group gap="xs">
            <CopyAsCurl callId={open.id} />
            <Button size="xs" onClick={() => void resend(open)}>
              Re-send
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {new Date(open.at).toLocaleString()} · {open.profileName} ·{' '}
          {open.kind === 'token' ? 'token request' : 'API call'}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {tokenResend && (
          <Alert color={tokenResend.token ? 'teal' : 'red'} variant="light" title="Re-sent">
            {tokenResend.token
              ? 'A new token was issued for this profile.'
              : (tokenResend.failure?.title ?? 'No token.')}
            <DiagnosisPanel findings={tokenResend.diagnosis} />
          </Alert>
        )}
        {open.response && <StatusSummary response={open.response} />}
        {open.failure && <FailureAlert failure={open.failure} findings={open.diagnosis} />}
        <DiagnosisPanel findings={open.diagnosis} failure={open.failure} />
        {open.request && (
          <WireRequestView request={open.request} basicDecoded={open.basicDecoded} />
        )}
        {open.response && (
          <>
            <Text size="sm" fw={600}>
              Response headers
            </Text>
            <HeadersTable headers={open.response.headers} label="Response headers" />
            <Text size="sm" fw={600}>
              Response body
            </Text>
            <BodyView
              text={open.response.bodyText}
              truncated={open.response.truncated}
              label="Response body"
            />
          </>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <TextInput
          label="Search history"
          placeholder="URL, method, status"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
          size="xs"
        />
        <NativeSelect
          label="Profile"
          size="xs"
          value={profile}
          onChange={(e) => setProfile(e.currentTarget.value)}
          data={[
            { value: 'all', label: 'All profiles' },
            ...profiles.map(([value, label]) => ({ value, label })),
          ]}
        />
        <NativeSelect
          label="Status"
          size="xs"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}
          data={[
            { value: 'all', label: 'Any status' },
            { value: 'ok', label: 'Success (2xx/3xx)' },
            { value: 'error', label: 'Error (4xx/5xx, OAuth error)' },
            { value: 'failed', label: 'No response' },
          ]}
        />
        <Button
          size="xs"
          color="red"
          variant="light"
          onClick={() => {
            workbench.clearHistory({}).then(reload, (e: unknown) => setError(messageOf(e)));
          }}
        >
          Clear history
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Kept: the newest 200 calls within the retention period (Settings). Secrets and tokens are
        masked before anything is written.
      </Text>
      <ClientCheckHistory />
      {error && <Alert color="red">{error}</Alert>}
      {list === null ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {list.length === 0 ? 'No calls yet.' : 'No call matches.'}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={560}>
          <Stack gap={4} role="list" aria-label="History entries">
            {shown.map((e) => (
              <UnstyledButton
                key={e.id}
                role="listitem"
                onClick={() => void openEntry(e.id)}
                style={{
                  padding: '6px 8px',
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: '1px solid var(--mantine-color-default-border)',
                }}
              >
                <Group gap="xs" wrap="nowrap">
                  <Badge
                    size="sm"
                    radius="sm"
                    variant="light"
                    color={e.status ? statusColor(e.status) : 'red'}
                  >
                    {e.status ?? 'failed'}
                  </Badge>
                  <Badge size="sm" radius="sm" variant="outline" color="gray">
                    {e.kind === 'token' ? 'token' : e.method}
                  </Badge>
                  <Text size="xs" style={{ ...mono, flex: 1, wordBreak: 'break-all' }}>
                    {e.url}
                  </Text>
                  {e.findings > 0 && (
                    <Badge size="xs" color="orange" variant="light">
                      {e.findings} finding{e.findings === 1 ? '' : 's'}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {e.durationMs !== null ? formatMs(e.durationMs) : ''}
                  </Text>
                  <Text size="xs" c="dimmed" title={new Date(e.at).toISOString()}>
                    {new Date(e.at).toLocaleTimeString()} · {e.profileName}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
