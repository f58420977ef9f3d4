import { Alert, AppShell, Box, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useEffectEvent, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { AppInfo, Settings } from '../../shared/results';
import type { SavedRequestSummary } from '../../shared/saved-request';
import type { TabRef, TabsState } from '../../shared/workspace-tabs';
import { AppHeader } from '../app-header';
import { usePresentationMode } from '../presentation';
import type { ProfileDraft } from '../profile-draft';
import { newProfileKey, type ProfileMemory } from '../profile-memory';
import { SandboxWelcome } from '../sandbox-welcome';
import { Sidebar } from '../sidebar/sidebar';
import { TabStrip, type TabInfo } from '../tabs/tab-strip';
import { TabView } from '../tabs/tab-view';
import { Banners } from './banners';
import { CloseTabDialog } from './close-tab-dialog';
import type { PaletteCommand } from './command-palette';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SidebarSplit } from './sidebar-split';

export interface WorkspaceLayoutProps {
  info: AppInfo;
  profiles: ProfileView[];
  requests: SavedRequestSummary[];
  memory: Record<string, ProfileMemory>;
  patch: (key: string, update: (m: ProfileMemory) => ProfileMemory) => void;
  tabs: TabsState;
  tabInfos: TabInfo[];
  current: TabRef | null;
  currentProfile: ProfileView | null;
  unsaved: ReadonlySet<string>;
  commands: PaletteCommand[];
  closingTitle: string | null;
  shortcutsOpen: boolean;
  sandboxBusy: boolean;
  actionError: string | null;
  onActivate: (key: string) => void;
  onAskClose: (key: string) => void;
  onKeepTab: () => void;
  onDiscardTab: () => void;
  onCloseShortcuts: () => void;
  onOpenShortcuts: () => void;
  onOpenProfile: (id: string) => void;
  onOpenRequest: (profileId: string, requestId: string) => void;
  onNewProfile: () => void;
  onNewRequest: (profileId: string, presetScope?: string) => void;
  onTrySandbox: () => void;
  onProfilesChanged: (list: ProfileView[], selectId: string | null) => void;
  onProfileChanged: (view: ProfileView) => void;
  onSaved: (key: string) => (view: ProfileView, savedDraft: ProfileDraft) => void;
  onDeleted: (id: string) => void;
  onCancelNew: () => void;
  onRequestMeta: (tabId: string, meta: { title?: string; dirty?: boolean }) => void;
  onRequestsChanged: () => void;
  onSavedAs: (tabId: string, savedRequestId: string) => void;
  onSettings: (settings: Settings) => void;
}

// The command palette (Mantine Spotlight) is its own chunk: not evaluated or rendered before the
// sidebar is usable; it loads right after, long before a first Ctrl/⌘+K (its store is here).
const CommandPalette = lazy(() =>
  import('./command-palette').then((m) => ({ default: m.CommandPalette })),
);

/** Presentation mode on a screen narrower than this hides the sidebar by itself. */
const PRESENTING_SIDEBAR_MIN_WIDTH = 1366;

/** Header, banners, the resizable sidebar, the tab strip and the tab on screen. */
export function WorkspaceLayout(props: WorkspaceLayoutProps) {
  const { info, current, currentProfile } = props;
  const presenting = usePresentationMode();
  const narrow = useMediaQuery(`(max-width: ${PRESENTING_SIDEBAR_MIN_WIDTH - 1}px)`) ?? false;
  // The user's choice holds until presentation mode or the width class changes.
  const auto = !(presenting && narrow);
  const [choice, setChoice] = useState<{ open: boolean; auto: boolean } | null>(null);
  const sidebarOpen = choice && choice.auto === auto ? choice.open : auto;
  const setSidebarChoice = (open: boolean) => setChoice({ open, auto });
  const onToggleEvent = useEffectEvent(() => setSidebarChoice(!sidebarOpen));
  useEffect(() => {
    const toggle = () => onToggleEvent();
    window.addEventListener('workbench:toggle-sidebar', toggle);
    return () => window.removeEventListener('workbench:toggle-sidebar', toggle);
  }, []);

  // One stable patch function per profile, so the tab's effects do not re-run every render.
  const { patch } = props;
  const [patchCache] = useState(
    () => new Map<string, (update: (m: ProfileMemory) => ProfileMemory) => void>(),
  );
  const patchFor = (k: string) => {
    let fn = patchCache.get(k);
    if (!fn) {
      fn = (update: (m: ProfileMemory) => ProfileMemory) => patch(k, update);
      patchCache.set(k, fn);
    }
    return fn;
  };

  const welcome = props.profiles.length === 0 && props.tabs.tabs.length === 0;
  const key = current ? (current.kind === 'new-profile' ? newProfileKey : current.profileId) : null;
  const sandboxUrl =
    currentProfile?.sandbox && currentProfile.effectiveBaseUrl
      ? currentProfile.effectiveBaseUrl
      : info.sandboxUrl;

  return (
    <AppShell header={{ height: 48 }} padding={0}>
      <AppShell.Header>
        <AppHeader
          info={info}
          sandboxSelected={currentProfile?.sandbox === true}
          sidebarOpen={sidebarOpen}
          onToggleSidebar={() => setSidebarChoice(!sidebarOpen)}
          onShortcuts={props.onOpenShortcuts}
          onSettings={props.onSettings}
        />
      </AppShell.Header>
      <AppShell.Main
        style={{ height: '100dvh', display: 'flex', flexDirection: 'column', minHeight: 0 }}
      >
        <Banners info={info} />
        {props.actionError && (
          <Alert color="red" p="xs" role="alert" title="Sandbox">
            {props.actionError}
          </Alert>
        )}
        <SidebarSplit
          open={sidebarOpen}
          sidebar={
            <Sidebar
              profiles={props.profiles}
              requests={props.requests}
              activeProfile={current?.kind === 'profile' ? current.profileId : null}
              activeRequest={current?.kind === 'request' ? current.savedRequestId : null}
              unsaved={props.unsaved}
              welcome={welcome}
              sandboxBusy={props.sandboxBusy}
              onOpenProfile={props.onOpenProfile}
              onOpenRequest={props.onOpenRequest}
              onNewProfile={props.onNewProfile}
              onTrySandbox={props.onTrySandbox}
              onNewRequest={props.onNewRequest}
              onProfilesChanged={props.onProfilesChanged}
              onRequestsChanged={props.onRequestsChanged}
            />
          }
          main={
            <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0 }}>
              <TabStrip
                tabs={props.tabInfos}
                active={props.tabs.active}
                onActivate={props.onActivate}
                onClose={props.onAskClose}
              />
              {welcome ? (
                <Box p="md" style={{ overflowY: 'auto' }}>
                  <SandboxWelcome
                    onTrySandbox={props.onTrySandbox}
                    onNewProfile={props.onNewProfile}
                    busy={props.sandboxBusy}
                  />
                </Box>
              ) : current && key ? (
                <TabView
                  key={`${current.kind}:${key}:${current.kind === 'request' ? current.tabId : ''}`}
                  tab={current}
                  profile={currentProfile}
                  memory={props.memory[key] ?? {}}
                  patch={patchFor(key)}
                  sandboxUrl={sandboxUrl}
                  appStorage={info.secretStorage}
                  renewalLeadSeconds={info.settings.renewalLeadSeconds}
                  onSaved={props.onSaved(key)}
                  onDeleted={props.onDeleted}
                  onCancelNew={props.onCancelNew}
                  onProfileChanged={props.onProfileChanged}
                  onNewRequest={props.onNewRequest}
                  onRequestMeta={props.onRequestMeta}
                  onRequestsChanged={props.onRequestsChanged}
                  onOpenRequest={props.onOpenRequest}
                  onSavedAs={props.onSavedAs}
                />
              ) : (
                <Text c="dimmed" p="md">
                  Open a profile or a saved request on the left, or press Ctrl/⌘+K.
                </Text>
              )}
            </Box>
          }
        />
      </AppShell.Main>
      <Suspense fallback={null}>
        <CommandPalette
          profiles={props.profiles}
          requests={props.requests}
          commands={props.commands}
          onOpenProfile={props.onOpenProfile}
          onOpenRequest={props.onOpenRequest}
        />
      </Suspense>
      <ShortcutsDialog opened={props.shortcutsOpen} onClose={props.onCloseShortcuts} />
      <CloseTabDialog
        title={props.closingTitle}
        onKeep={props.onKeepTab}
        onDiscard={props.onDiscardTab}
      />
    </AppShell>
  );
}
