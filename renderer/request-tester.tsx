import {
  Alert,
  Button,
  Card,
  Drawer,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { findEndpoint, type ApiEndpoint } from '../shared/api-catalog';
import type { HistoryEntry } from '../shared/history';
import type { ProfileView } from '../shared/profile';
import type { ApiResult } from '../shared/results';
import { ApiPresetPicker } from './api-preset-picker';
import { AuthSelector } from './auth-selector';
import { BodyEditor } from './code-views';
import { CallErrorAlert } from './call-error-alert';
import { HeaderRowsEditor } from './header-rows-editor';
import { HistoryView } from './history-view';
import { OriginConfirmModal } from './origin-confirm-modal';
import { QueryParamsTable } from './query-params-table';
import type { HttpMethod, RequestDraft } from './request-draft';
import { headerRow, httpMethods, methodTakesBody, newRequestId, sendInput } from './request-draft';
import { ResponseView } from './response-view';
import { mono } from './theme';
import { WorkbenchCallError, workbench } from './workbench-api';

interface RequestTesterProps {
  profile: ProfileView;
  tokenState: 'none' | 'expired' | 'valid';
  draft: RequestDraft;
  onDraft: (update: (prev: RequestDraft) => RequestDraft) => void;
  result: ApiResult | null;
  onResult: (result: ApiResult) => void;
}

function pathOf(url: string): string {
  const noQuery = url.split(/[?#]/)[0] ?? '';
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(noQuery) ? new URL(noQuery).pathname : noQuery;
  } catch {
    return noQuery;
  }
}

type Confirmation = { targetOrigin: string; profileOrigin: string; draft: RequestDraft };

/** Calls the team's APIs with the current token and shows the answer. */
export const RequestTester = memo(function RequestTester({
  profile,
  tokenState,
  draft,
  onDraft,
  result,
  onResult,
}: RequestTesterProps) {
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [callError, setCallError] = useState<{ message: string; field: string | null } | null>(
    null,
  );
  const [historyOpen, setHistoryOpen] = useState(false);
  const [granted, setGranted] = useState<string[] | null>(null);
  const latest = useRef({ draft, inFlight });
  latest.current = { draft, inFlight };

  // The current token's scopes, to say whether a preset's scope is in it.
  useEffect(() => {
    let active = true;
    workbench.getCurrentToken({ profileId: profile.id }).then(
      (t) => active && setGranted(t ? t.grantedScopes : null),
      () => active && setGranted(null),
    );
    return () => {
      active = false;
    };
  }, [profile.id, tokenState, result]);

  async function send(d: RequestDraft, allowOtherOrigin: boolean) {
    setCallError(null);
    if (!d.url.trim()) {
      setCallError({
        message: 'URL is required: type a path such as /api/external/members or a full URL',
        field: 'url',
      });
      return;
    }
    const requestId = newRequestId();
    setInFlight(requestId);
    try {
      const next = await workbench.sendRequest(
        sendInput(d, profile.id, requestId, allowOtherOrigin),
      );
      if (next.needsConfirmation && !allowOtherOrigin) {
        setConfirmation({ ...next.needsConfirmation, draft: d });
      } else {
        onResult(next);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof WorkbenchCallError ? (error.field ?? null) : null;
      setCallError({ message: `Send failed: ${message}`, field });
    } finally {
      setInFlight((current) => (current === requestId ? null : current));
    }
  }

  function cancel() {
    if (!inFlight) return;
    workbench.cancelRequest({ requestId: inFlight }).catch((error: unknown) => {
      setCallError({ message: `Cancel failed: ${String(error)}`, field: null });
    });
  }

  function sendNow() {
    if (!latest.current.inFlight) void send(latest.current.draft, false);
  }

  /** Ctrl/Cmd+Enter anywhere in the tester sends; plain Enter in the URL field too. */
  function sendOnShortcut(e: KeyboardEvent<HTMLElement>, plainEnter: boolean) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.defaultPrevented) return;
    if (!(e.ctrlKey || e.metaKey || plainEnter)) return;
    e.preventDefault();
    sendNow();
  }

  const set = (patch: Partial<RequestDraft>) => onDraft((prev) => ({ ...prev, ...patch }));
  const urlError = callError?.field === 'url' ? callError.message : undefined;
  const contentTypeRow = draft.headers.find((h) => h.name.trim().toLowerCase() === 'content-type');

  function setContentType(value: string) {
    onDraft((prev) => {
      const row = prev.headers.find((h) => h.name.trim().toLowerCase() === 'content-type');
      return {
        ...prev,
        headers: row
          ? prev.headers.map((h) => (h === row ? { ...h, value, enabled: true } : h))
          : [...prev.headers, headerRow('Content-Type', value)],
      };
    });
  }

  function pickPreset(endpoint: ApiEndpoint) {
    set({
      method: endpoint.method,
      url: endpoint.query ? `${endpoint.path}?${endpoint.query}` : endpoint.path,
    });
  }

  function resendFromHistory(entry: HistoryEntry) {
    const r = entry.resend;
    if (!r) return;
    const next: RequestDraft = {
      method: (httpMethods as readonly string[]).includes(r.method)
        ? (r.method as HttpMethod)
        : 'GET',
      url: r.url,
      // A masked Authorization value cannot be sent again: the row is kept, switched off.
      headers: r.headers.map((h) => ({
        ...headerRow(h.name, h.value),
        enabled: h.enabled && !h.value.includes('••••••'),
      })),
      body: r.body,
      auth: r.auth,
      apiKeyScheme: r.apiKeyScheme,
    };
    onDraft(() => next);
    setHistoryOpen(false);
    void send(next, false);
  }

  // The catalog endpoint the URL points at, picked or typed: its scope is shown either way.
  const shownPreset = findEndpoint(pathOf(draft.url), draft.method);

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label="Request tester"
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => sendOnShortcut(e, false)}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Call an API</Title>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              Ctrl/⌘ + Enter sends
            </Text>
            <Button size="xs" variant="default" onClick={() => setHistoryOpen(true)}>
              History
            </Button>
          </Group>
        </Group>
        <ApiPresetPicker selected={shownPreset} grantedScopes={granted} onPick={pickPreset} />
        {tokenState === 'none' && (
          <Alert color="blue" variant="light" title="No token yet — press Get token first">
            Requests carry the profile&apos;s current access token as Authorization: Bearer.
          </Alert>
        )}
        {tokenState === 'expired' && (
          <Alert color="orange" variant="light" title="The token has expired">
            Press Get token for a new one; the API will most likely answer 401 otherwise.
          </Alert>
        )}
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <NativeSelect
            label="Method"
            data={[...httpMethods]}
            value={draft.method}
            onChange={(e) => set({ method: e.currentTarget.value as HttpMethod })}
            w={120}
            styles={{ input: mono }}
          />
          <TextInput
            label="URL"
            placeholder="/api/external/members"
            value={draft.url}
            onChange={(e) => set({ url: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) sendOnShortcut(e, true);
            }}
            description={
              profile.effectiveBaseUrl
                ? `A path is resolved against ${profile.effectiveBaseUrl}`
                : 'A path is resolved against the profile’s base URL'
            }
            error={urlError}
            styles={{ input: mono }}
            style={{ flex: 1 }}
            spellCheck={false}
            autoComplete="off"
          />
        </Group>
        <QueryParamsTable url={draft.url} onUrl={(url) => set({ url })} />
        <AuthSelector
          profileId={profile.id}
          auth={draft.auth ?? 'token'}
          scheme={draft.apiKeyScheme ?? 'Bearer'}
          onChange={(patch) => set(patch)}
        />
        <HeaderRowsEditor rows={draft.headers} onChange={(headers) => set({ headers })} />
        {methodTakesBody(draft.method) && (
          <BodyEditor
            value={draft.body}
            onChange={(body) => set({ body })}
            contentType={contentTypeRow?.value || 'application/json'}
            onContentType={setContentType}
            onSubmit={sendNow}
          />
        )}
        <Group gap="xs">
          <Button onClick={() => void send(draft, false)} loading={inFlight !== null}>
            Send
          </Button>
          {inFlight && (
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          )}
        </Group>
        {callError && !urlError && <CallErrorAlert title="API call" message={callError.message} />}
        {result && <ResponseView result={result} />}
      </Stack>
      <Drawer
        opened={historyOpen}
        onClose={() => setHistoryOpen(false)}
        title="History"
        position="right"
        size="xl"
      >
        {historyOpen && <HistoryView onResendApi={resendFromHistory} />}
      </Drawer>
      <OriginConfirmModal
        target={confirmation}
        onCancel={() => setConfirmation(null)}
        onConfirm={() => {
          const d = confirmation?.draft;
          setConfirmation(null);
          if (d) void send(d, true);
        }}
      />
    </Card>
  );
});
