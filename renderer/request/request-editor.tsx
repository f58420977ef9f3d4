import { Box, Button, Drawer, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { findEndpoint, type ApiEndpoint } from '../../shared/api-catalog';
import type { HistoryEntry } from '../../shared/history';
import { syncPathParams } from '../../shared/path-params';
import type { ProfileView } from '../../shared/profile';
import type { ApiResult } from '../../shared/results';
import { CallErrorAlert } from '../call-error-alert';
import { HistoryView } from '../history-view';
import { OriginConfirmModal } from '../origin-confirm-modal';
import { headerRow, httpMethods, type HttpMethod, type RequestDraft } from '../request-draft';
import { ResponseView } from '../response-view';
import { RequestLine } from './request-line';
import { RequestSections, TokenHint, type RequestSection } from './request-sections';
import { RequestSplit, useSplitOrientation, type SplitOrientation } from './request-split';
import { useSendRequest } from './use-send-request';
import { VariablesPreview } from './variables-preview';

function pathOf(url: string): string {
  const noQuery = url.split(/[?#]/)[0] ?? '';
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(noQuery) ? new URL(noQuery).pathname : noQuery;
  } catch {
    return noQuery;
  }
}

/** Keeps one path-parameter row per `{placeholder}` in the URL. */
function withPathParams(d: RequestDraft): RequestDraft {
  const rows = syncPathParams(d.url, d.pathParams ?? []);
  const same =
    rows.length === (d.pathParams ?? []).length &&
    rows.every((r, i) => r.name === d.pathParams?.[i]?.name && r.value === d.pathParams[i]?.value);
  return same ? d : { ...d, pathParams: rows };
}

export interface RequestEditorProps {
  profile: ProfileView;
  tokenState: 'none' | 'expired' | 'valid';
  grantedScopes: string[] | null;
  draft: RequestDraft;
  onDraft: (update: (prev: RequestDraft) => RequestDraft) => void;
  result: ApiResult | null;
  onResult: (result: ApiResult) => void;
  /** The title row (name, Save, …) of a request tab. */
  title?: ReactNode;
}

/** Method + URL, Params / Headers / Body / Auth, and the response in a resizable split. */
export function RequestEditor(props: RequestEditorProps) {
  const { profile, draft, result } = props;
  const [section, setSection] = useState<RequestSection>('params');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [orientation, setOrientation] = useSplitOrientation();
  const [focusResult, setFocusResult] = useState(false);
  const sender = useSendRequest({
    profileId: profile.id,
    variables: profile.variables ?? [],
    onResult: (r) => {
      setFocusResult(true);
      props.onResult(r);
    },
  });
  const onDraft = (update: (prev: RequestDraft) => RequestDraft) =>
    props.onDraft((prev) => withPathParams(update(prev)));
  const set = (patch: Partial<RequestDraft>) => onDraft((prev) => ({ ...prev, ...patch }));
  const sendNow = () => sender.send(draft);
  const error = sender.callError;
  const urlError = error?.field === 'url' ? error.message : undefined;
  const pathParamsError = error?.field === 'pathParams' ? error.message : undefined;
  const otherError = error && !urlError && !pathParamsError ? error.message : null;

  function pickPreset(endpoint: ApiEndpoint) {
    set({
      method: endpoint.method,
      url: endpoint.query ? `${endpoint.path}?${endpoint.query}` : endpoint.path,
    });
  }

  function resendFromHistory(entry: HistoryEntry) {
    const r = entry.resend;
    if (!r) return;
    const next: RequestDraft = withPathParams({
      ...draft,
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
    });
    props.onDraft(() => next);
    setHistoryOpen(false);
    sender.send(next);
  }

  const requestPane = (
    <Stack gap={6} style={{ flex: 1, minHeight: 0 }}>
      <RequestSections
        draft={draft}
        onDraft={onDraft}
        profileId={profile.id}
        section={section}
        onSection={setSection}
        preset={findEndpoint(pathOf(draft.url), draft.method)}
        grantedScopes={props.grantedScopes}
        onPreset={pickPreset}
        pathParamsError={pathParamsError}
        onSubmit={sendNow}
        notice={<TokenHint state={props.tokenState} />}
      />
    </Stack>
  );
  const responsePane = (
    <>
      {otherError && <CallErrorAlert title="API call" message={otherError} />}
      {result ? (
        <ResponseView key={result.callId ?? 'result'} result={result} focusOnResult={focusResult} />
      ) : (
        <Text size="sm" c="dimmed">
          Send the request to see the response here.
        </Text>
      )}
    </>
  );

  return (
    <Box
      component="section"
      aria-label="Request tester"
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 6,
        height: '100%',
        minHeight: 360,
        padding: '8px 12px',
      }}
      onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.nativeEvent.isComposing) return;
        if (e.defaultPrevented) return;
        e.preventDefault();
        sendNow();
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>{props.title}</Box>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            Ctrl/⌘ + Enter sends
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Response position"
            value={orientation}
            onChange={(v) => setOrientation(v as SplitOrientation)}
            data={[
              { label: 'Stacked', value: 'stacked' },
              { label: 'Side by side', value: 'side-by-side' },
            ]}
          />
          <Button size="xs" variant="default" onClick={() => setHistoryOpen(true)}>
            History
          </Button>
        </Group>
      </Group>
      <RequestLine
        method={draft.method}
        url={draft.url}
        baseUrl={profile.effectiveBaseUrl}
        urlError={urlError}
        inFlight={sender.inFlight}
        onMethod={(method) => set({ method })}
        onUrl={(url) => set({ url })}
        onSend={sendNow}
        onCancel={sender.cancel}
      />
      <VariablesPreview draft={draft} variables={profile.variables ?? []} />
      <RequestSplit orientation={orientation} request={requestPane} response={responsePane} />
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
        target={sender.confirmation}
        onCancel={sender.dismissConfirmation}
        onConfirm={sender.confirm}
      />
    </Box>
  );
}
