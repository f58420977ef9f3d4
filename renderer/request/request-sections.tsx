import { Alert, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiEndpoint } from '../../shared/api-catalog';
import { ApiPresetPicker } from '../api-preset-picker';
import { AuthSelector } from '../auth-selector';
import { BodyEditor } from '../code-views';
import { HeaderRowsEditor } from '../header-rows-editor';
import { QueryParamsTable } from '../query-params-table';
import { headerRow, methodTakesBody, type RequestDraft } from '../request-draft';
import { PathParamsTable } from './path-params-table';

export type RequestSection = 'params' | 'headers' | 'body' | 'auth';

const scroll = { flex: 1, minHeight: 0, overflow: 'auto', paddingTop: 8 } as const;

/** Params / Headers / Body / Auth of a request tab, as tabs. */
export function RequestSections({
  draft,
  onDraft,
  profileId,
  section,
  onSection,
  preset,
  grantedScopes,
  onPreset,
  pathParamsError,
  onSubmit,
  notice,
}: {
  draft: RequestDraft;
  onDraft: (update: (prev: RequestDraft) => RequestDraft) => void;
  profileId: string;
  section: RequestSection;
  onSection: (s: RequestSection) => void;
  preset: ApiEndpoint | null;
  grantedScopes: string[] | null;
  onPreset: (endpoint: ApiEndpoint) => void;
  pathParamsError: string | undefined;
  onSubmit: () => void;
  notice?: ReactNode;
}) {
  const set = (patch: Partial<RequestDraft>) => onDraft((prev) => ({ ...prev, ...patch }));
  const contentTypeRow = draft.headers.find((h) => h.name.trim().toLowerCase() === 'content-type');
  const enabledHeaders = draft.headers.filter((h) => h.enabled && h.name.trim() !== '').length;

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

  return (
    <Tabs
      value={section}
      onChange={(v) => v && onSection(v as RequestSection)}
      keepMounted={false}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}
    >
      <Tabs.List>
        <Tabs.Tab value="params">Params</Tabs.Tab>
        <Tabs.Tab value="headers">Headers ({enabledHeaders})</Tabs.Tab>
        <Tabs.Tab value="body">Body</Tabs.Tab>
        <Tabs.Tab value="auth">Auth</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="params" style={scroll}>
        <Stack gap="sm">
          {notice}
          <ApiPresetPicker selected={preset} grantedScopes={grantedScopes} onPick={onPreset} />
          <PathParamsTable
            rows={draft.pathParams ?? []}
            onChange={(pathParams) => set({ pathParams })}
            error={pathParamsError}
          />
          <QueryParamsTable url={draft.url} onUrl={(url) => set({ url })} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="headers" style={scroll}>
        <HeaderRowsEditor rows={draft.headers} onChange={(headers) => set({ headers })} />
      </Tabs.Panel>
      <Tabs.Panel value="body" style={scroll}>
        {methodTakesBody(draft.method) ? (
          <BodyEditor
            value={draft.body}
            onChange={(body) => set({ body })}
            contentType={contentTypeRow?.value || 'application/json'}
            onContentType={setContentType}
            onSubmit={onSubmit}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {draft.method} requests send no body. Pick POST, PUT or PATCH to send one.
          </Text>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="auth" style={scroll}>
        <AuthSelector
          profileId={profileId}
          auth={draft.auth ?? 'token'}
          scheme={draft.apiKeyScheme ?? 'Bearer'}
          onChange={(patch) => set(patch)}
        />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The hint above the sections when there is no valid token. */
export function TokenHint({ state }: { state: 'none' | 'expired' | 'valid' }) {
  if (state === 'none')
    return (
      <Alert color="blue" variant="light" title="No token yet — press Get token first" p="xs">
        Requests carry the profile&apos;s current access token as Authorization: Bearer.
      </Alert>
    );
  if (state === 'expired')
    return (
      <Alert color="orange" variant="light" title="The token has expired" p="xs">
        Press Get token for a new one; the API will most likely answer 401 otherwise.
      </Alert>
    );
  return null;
}
