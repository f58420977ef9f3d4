import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { Settings } from '../../shared/results';
import { presetForScope, presetRequestFields } from '../../shared/preset-request';
import { activeTab, tabKey, type TabRef } from '../../shared/workspace-tabs';
import { isDirty, type ProfileDraft } from '../profile-draft';
import { MemoryStoreProvider, newProfileKey, useProfileMemory } from '../profile-memory';
import { newRequestId } from '../request-draft';
import type { TabInfo } from '../tabs/tab-strip';
import { useWorkspaceTabs } from '../tabs/use-workspace-tabs';
import { workbench } from '../workbench-api';
import { workbenchCommands } from './workbench-commands';
import { palette } from './palette-store';
import { askSave, askToken } from './tab-events';
import { useShortcuts } from './use-shortcuts';
import type { WorkspaceData } from './use-workspace-data';
import { WorkspaceLayout } from './workspace-layout';

function upsert(list: ProfileView[], view: ProfileView): ProfileView[] {
  return list.some((p) => p.id === view.id)
    ? list.map((p) => (p.id === view.id ? view : p))
    : [...list, view];
}

const keyOf = (ref: TabRef) => (ref.kind === 'new-profile' ? newProfileKey : ref.profileId);

/** The workspace's state and actions; the layout is in WorkspaceLayout. */
export function Workbench({ initial }: { initial: WorkspaceData }) {
  const [info, setInfo] = useState(initial.info);
  const [profiles, setProfiles] = useState(initial.profiles);
  const [requests, setRequests] = useState(initial.requests);
  const { memory, patch, forget, store } = useProfileMemory();
  const tabs = useWorkspaceTabs();
  const [requestMeta, setRequestMeta] = useState<
    Record<string, { title?: string; dirty?: boolean }>
  >({});
  const [closing, setClosing] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [sandboxBusy, setSandboxBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const { restore, open, close, cycle, replace, prune } = tabs;

  useEffect(() => {
    const first = initial.profiles[0];
    const ids = new Set(initial.requests.map((r) => r.id));
    void restore(
      {
        profile: (id) => initial.profiles.some((p) => p.id === id),
        request: (_p, id) => ids.has(id),
      },
      first ? { kind: 'profile', profileId: first.id } : null,
    );
  }, [initial, restore]);

  const byId = useMemo(() => new Map(profiles.map((p) => [p.id, p])), [profiles]);
  const unsaved = useMemo(() => {
    const keys = new Set<string>();
    for (const [key, m] of Object.entries(memory)) {
      if (m.draft && isDirty(m.draft, byId.get(key) ?? null)) keys.add(key);
    }
    return keys;
  }, [memory, byId]);

  const tabInfos: TabInfo[] = tabs.state.tabs.map((ref) => {
    const profile = ref.kind === 'new-profile' ? null : (byId.get(ref.profileId) ?? null);
    if (ref.kind === 'request') {
      const meta = requestMeta[ref.tabId];
      const saved = requests.find((r) => r.id === ref.savedRequestId);
      return {
        ref,
        title: meta?.title || saved?.name || 'New request',
        dirty: meta?.dirty === true,
        sandbox: profile?.sandbox === true,
      };
    }
    return {
      ref,
      title: profile ? profile.name : 'New profile',
      dirty: unsaved.has(keyOf(ref)),
      sandbox: profile?.sandbox === true,
    };
  });

  const openProfile = useCallback((id: string) => open({ kind: 'profile', profileId: id }), [open]);
  const openRequest = useCallback(
    (profileId: string, id: string) =>
      open({ kind: 'request', profileId, tabId: `saved-${id}`, savedRequestId: id }),
    [open],
  );
  const newRequest = useCallback(
    (profileId: string, presetScope?: string) => {
      const tabId = `tab-${newRequestId()}`;
      const ref: TabRef = { kind: 'request', profileId, tabId, savedRequestId: null };
      const preset = presetScope ? presetForScope(presetScope) : null;
      if (!preset) return open(ref);
      // The tab's draft starts with the scope's preset chosen; the tab opens once it is kept.
      const fields = presetRequestFields(preset);
      workbench
        .saveRequestDraft({ tabId, profileId, savedRequestId: null, fields })
        .catch(() => undefined)
        .finally(() => open(ref));
    },
    [open],
  );
  const newProfile = useCallback(() => open({ kind: 'new-profile' }), [open]);

  const reloadRequests = useCallback(() => {
    workbench.listSavedRequests({}).then(setRequests, () => undefined);
  }, []);
  const onRequestMeta = useCallback(
    (tabId: string, meta: { title?: string; dirty?: boolean }) => {
      setRequestMeta((prev) => ({ ...prev, [tabId]: { ...prev[tabId], ...meta } }));
      // A request that became clean was saved (or its draft dropped): the sidebar re-reads.
      if (meta.dirty === false) reloadRequests();
    },
    [reloadRequests],
  );

  async function trySandbox() {
    setSandboxBusy(true);
    setActionError(null);
    try {
      const view = await workbench.createSandboxProfile({});
      setProfiles((prev) => upsert(prev, view));
      openProfile(view.id);
    } catch (error) {
      setActionError(
        `Starting the sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setSandboxBusy(false);
    }
  }

  const onSaved = (key: string) => (view: ProfileView, savedDraft: ProfileDraft) => {
    setProfiles((prev) => upsert(prev, view));
    if (key === newProfileKey) {
      forget(newProfileKey);
      replace('new-profile', { kind: 'profile', profileId: view.id });
      return;
    }
    patch(key, (m) => {
      if (!m.draft || m.draft === savedDraft) return { ...m, draft: undefined };
      // Edits made while saving stay; the saved secret change does not apply twice.
      return { ...m, draft: { ...m.draft, secret: '', removeSecret: false, error: null } };
    });
  };

  const onProfilesChanged = useCallback(
    (list: ProfileView[], selectId: string | null) => {
      setProfiles(list);
      prune({ profile: (id) => list.some((p) => p.id === id) });
      if (selectId) openProfile(selectId);
    },
    [prune, openProfile],
  );
  function onDeleted(id: string) {
    forget(id);
    onProfilesChanged(
      profiles.filter((p) => p.id !== id),
      null,
    );
  }

  function discard(key: string) {
    const ref = tabs.state.tabs.find((t) => tabKey(t) === key);
    if (ref?.kind === 'request') {
      workbench.deleteRequestDraft({ tabId: ref.tabId }).catch(() => undefined);
    } else if (ref) {
      patch(keyOf(ref), (m) => ({ ...m, draft: undefined }));
    }
    close(key);
  }
  function askClose(key: string | null) {
    if (!key) return;
    const info = tabInfos.find((t) => tabKey(t.ref) === key);
    if (info?.dirty) setClosing(key);
    else discard(key);
  }

  const current = activeTab(tabs.state);
  const currentProfile =
    current && current.kind !== 'new-profile' ? (byId.get(current.profileId) ?? null) : null;

  useShortcuts({
    palette: () => palette.toggle(),
    save: askSave,
    'get-token': askToken,
    'close-tab': () => askClose(tabs.state.active),
    'next-tab': () => cycle(1),
    'previous-tab': () => cycle(-1),
    shortcuts: () => setShortcutsOpen((o) => !o),
    'toggle-sidebar': () => window.dispatchEvent(new Event('workbench:toggle-sidebar')),
  });

  const commands = workbenchCommands({
    currentProfile,
    newProfile,
    trySandbox: () => void trySandbox(),
    newRequest,
    closeTab: () => askClose(tabs.state.active),
    showShortcuts: () => setShortcutsOpen(true),
  });

  const layout = (
    <WorkspaceLayout
      info={info}
      profiles={profiles}
      requests={requests}
      memory={memory}
      patch={patch}
      tabs={tabs.state}
      tabInfos={tabInfos}
      current={current}
      currentProfile={currentProfile}
      unsaved={unsaved}
      commands={commands}
      closingTitle={
        closing ? (tabInfos.find((t) => tabKey(t.ref) === closing)?.title ?? null) : null
      }
      shortcutsOpen={shortcutsOpen}
      sandboxBusy={sandboxBusy}
      actionError={actionError}
      onActivate={tabs.activate}
      onAskClose={askClose}
      onKeepTab={() => setClosing(null)}
      onDiscardTab={() => {
        if (closing) discard(closing);
        setClosing(null);
      }}
      onCloseShortcuts={() => setShortcutsOpen(false)}
      onOpenShortcuts={() => setShortcutsOpen(true)}
      onOpenProfile={openProfile}
      onOpenRequest={openRequest}
      onNewProfile={newProfile}
      onNewRequest={newRequest}
      onTrySandbox={() => void trySandbox()}
      onProfilesChanged={onProfilesChanged}
      onProfileChanged={(view) => setProfiles((prev) => upsert(prev, view))}
      onSaved={onSaved}
      onDeleted={onDeleted}
      onCancelNew={() => {
        forget(newProfileKey);
        close('new-profile');
      }}
      onRequestMeta={onRequestMeta}
      onRequestsChanged={reloadRequests}
      onSavedAs={tabs.savedAs}
      onSettings={(settings: Settings) => setInfo((prev) => ({ ...prev, settings }))}
    />
  );
  return <MemoryStoreProvider value={store}>{layout}</MemoryStoreProvider>;
}
