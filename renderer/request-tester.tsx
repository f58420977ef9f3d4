import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { memo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ProfileView } from '../shared/profile';
import type { ApiResult } from '../shared/results';
import { CallErrorAlert } from './call-error-alert';
import { HeaderRowsEditor } from './header-rows-editor';
import { OriginConfirmModal } from './origin-confirm-modal';
import type { HttpMethod, RequestDraft } from './request-draft';
import { httpMethods, methodTakesBody, newRequestId, sendInput } from './request-draft';
import { ResponseView } from './response-view';
import { mono } from './theme';
import { WorkbenchCallError, workbench } from './workbench-api';

export const examplePaths = [
  '/api/external/members',
  '/log/api/external/audit',
  '/intelligence/api/knowledge-models',
] as const;

interface RequestTesterProps {
  profile: ProfileView;
  tokenState: 'none' | 'expired' | 'valid';
  draft: RequestDraft;
  onDraft: (update: (prev: RequestDraft) => RequestDraft) => void;
  result: ApiResult | null;
  onResult: (result: ApiResult) => void;
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

  function sendOnShortcut(e: KeyboardEvent<HTMLElement>, plainEnter: boolean) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (!(e.ctrlKey || e.metaKey || plainEnter)) return;
    e.preventDefault();
    if (!inFlight) void send(draft, false);
  }

  const set = (patch: Partial<RequestDraft>) => onDraft((prev) => ({ ...prev, ...patch }));
  const urlError = callError?.field === 'url' ? callError.message : undefined;

  return (
    <Card withBorder padding="lg" component="section" aria-label="Request tester">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Call an API</Title>
          <Text size="xs" c="dimmed">
            Ctrl/⌘ + Enter sends
          </Text>
        </Group>
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
            onKeyDown={(e) => sendOnShortcut(e, true)}
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
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            Examples:
          </Text>
          {examplePaths.map((path) => (
            <Button
              key={path}
              size="compact-xs"
              variant="light"
              color="gray"
              style={mono}
              onClick={() => set({ method: 'GET', url: path })}
            >
              {path}
            </Button>
          ))}
        </Group>
        <HeaderRowsEditor rows={draft.headers} onChange={(headers) => set({ headers })} />
        {methodTakesBody(draft.method) && (
          <Textarea
            label="Body"
            value={draft.body}
            onChange={(e) => set({ body: e.currentTarget.value })}
            onKeyDown={(e) => sendOnShortcut(e, false)}
            autosize
            minRows={3}
            maxRows={14}
            styles={{ input: mono }}
            spellCheck={false}
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
