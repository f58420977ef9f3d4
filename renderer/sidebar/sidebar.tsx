import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { SavedRequestSummary } from '../../shared/saved-request';
import { indexSidebar, sidebarRows, type SidebarRequest } from '../../shared/sidebar-rows';
import { announceDeleted, useLastDeleted } from '../deleted-profile';
import { ProfileTransferButtons } from '../profile-transfer-buttons';
import { afterNextPaint } from '../after-paint';
import { DeletedRequestNotice } from './deleted-request-notice';
import { workbench } from '../workbench-api';
import { SidebarTree, type TreeActions } from './sidebar-tree';

export interface SidebarProps {
  profiles: ProfileView[];
  requests: SavedRequestSummary[];
  activeProfile: string | null;
  activeRequest: string | null;
  unsaved: ReadonlySet<string>;
  /** First start: the welcome page offers New profile and Try the sandbox itself. */
  welcome: boolean;
  sandboxBusy: boolean;
  onOpenProfile: (id: string) => void;
  onOpenRequest: (profileId: string, requestId: string) => void;
  onNewProfile: () => void;
  onTrySandbox: () => void;
  onNewRequest: (profileId: string) => void;
  onProfilesChanged: (list: ProfileView[], selectId: string | null) => void;
  /** Saved requests changed from a row menu: the workspace re-reads them. */
  onRequestsChanged: () => void;
}

/** The left sidebar: actions, filter, and profiles by team with their saved requests. */
export function Sidebar(props: SidebarProps) {
  const { profiles, requests, onProfilesChanged } = props;
  // Set by the filter field after its keystroke has painted: typing re-renders the field at once,
  // the rows after.
  const [deferredQuery, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const deleted = useLastDeleted();
  const [deletedRequest, setDeletedRequest] = useState<SidebarRequest | null>(null);
  const index = useMemo(() => indexSidebar(profiles, requests), [profiles, requests]);
  const rows = useMemo(
    () => sidebarRows(index, deferredQuery, expanded),
    [index, deferredQuery, expanded],
  );
  const views = useMemo(() => new Map(profiles.map((p) => [p.id, p])), [profiles]);

  const reload = useCallback(
    async (selectId: string | null) => {
      onProfilesChanged(await workbench.listProfiles({}), selectId);
    },
    [onProfilesChanged],
  );
  const { onOpenProfile, onOpenRequest, onNewRequest, onRequestsChanged } = props;
  const actions: TreeActions = useMemo(
    () => ({
      onOpenProfile,
      onOpenRequest,
      onNewRequest,
      onToggle: (id) =>
        setExpanded((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      onChanged: (id) => void reload(id),
      onDeleted: (gone) => {
        announceDeleted(gone);
        void reload(null);
      },
      onError: setError,
      onRequestsChanged,
      onRequestDeleted: (gone) => {
        setDeletedRequest(gone);
        onRequestsChanged();
      },
    }),
    [onOpenProfile, onOpenRequest, onNewRequest, onRequestsChanged, reload],
  );

  return (
    <Stack gap={6} h="100%" p="xs" component="aside" aria-label="Sidebar">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px={4}>
        Profiles
      </Text>
      {!props.welcome && (
        <Group gap={6}>
          <Button size="compact-sm" variant="light" onClick={props.onNewProfile}>
            New profile
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="grape"
            onClick={props.onTrySandbox}
            loading={props.sandboxBusy}
          >
            Try the sandbox
          </Button>
        </Group>
      )}
      <ProfileTransferButtons onImported={(list, firstId) => onProfilesChanged(list, firstId)} />
      {profiles.length > 0 && <SidebarFilter count={profiles.length} onQuery={setQuery} />}
      {deleted && (
        <Alert color="gray" p={6} role="status">
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" truncate>
              Deleted {deleted.name}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                const id = deleted.id;
                announceDeleted(null);
                void workbench.restoreProfile({ id }).then(
                  () => reload(id),
                  (e: unknown) =>
                    setError(`Undo failed: ${e instanceof Error ? e.message : String(e)}`),
                );
              }}
            >
              Undo
            </Button>
          </Group>
        </Alert>
      )}
      {deletedRequest && (
        <DeletedRequestNotice
          key={deletedRequest.id}
          request={deletedRequest}
          onError={setError}
          onDone={(restored) => {
            setDeletedRequest(null);
            if (restored) onRequestsChanged();
          }}
        />
      )}
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {profiles.length === 0 ? (
        <Text size="sm" c="dimmed" px={4}>
          No profiles yet.
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" px={4}>
          Nothing matches “{deferredQuery}”.
        </Text>
      ) : (
        <SidebarTree
          rows={rows}
          views={views}
          activeProfile={props.activeProfile}
          activeRequest={props.activeRequest}
          unsaved={props.unsaved}
          actions={actions}
        />
      )}
    </Stack>
  );
}

const FILTER_STYLES = { input: { transition: 'none' } };

/**
 * The filter field is uncontrolled: a keystroke renders nothing in React, the browser paints the
 * key at once. The query goes to the rows once that keystroke has been painted, in a
 * transition (handing it on at once let React filter and render the rows before the browser
 * painted the key).
 */
const SidebarFilter = memo(function SidebarFilter({
  count,
  onQuery,
}: {
  count: number;
  onQuery: (query: string) => void;
}) {
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => () => pending.current?.(), []);
  return (
    <TextInput
      size="xs"
      aria-label="Search profiles"
      placeholder={`Filter ${count} profiles and their requests`}
      defaultValue=""
      // Names and client IDs: no spell check, whose idle-time pass forces a layout of the page.
      spellCheck={false}
      autoComplete="off"
      // No border-colour transition on focus: while it runs the page paints at the display's
      // rate, and the first keys typed right after the click wait for that rate's next frame.
      styles={FILTER_STYLES}
      onChange={(e) => {
        const next = e.currentTarget.value;
        pending.current?.();
        pending.current = afterNextPaint(() => {
          pending.current = null;
          startTransition(() => onQuery(next));
        });
      }}
    />
  );
});
