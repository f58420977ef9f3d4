import { Alert, AppShell, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProfileView } from '../shared/profile';
import type { AppInfo, Settings } from '../shared/results';
import { AppHeader } from './app-header';
import { LaunchProblemPage } from './launch-problem-page';
import { AppNotices } from './app-notices';
import { PresentationRoot } from './presentation';
import type { ProfileDraft } from './profile-draft';
import { isDirty } from './profile-draft';
import { ProfileList } from './profile-list';
import type { ProfileMemory } from './profile-memory';
import { newProfileKey, useProfileMemory } from './profile-memory';
import { ProfileWorkspace } from './profile-workspace';
import { LaunchKeyRejectedError } from './rpc-transport';
import { SandboxWelcome } from './sandbox-welcome';
import { launchProblem, workbench } from './workbench-api';

export function App() {
  if (launchProblem === 'no-key') {
    return <LaunchProblemPage title="This page was opened without its launch key" />;
  }
  return (
    <PresentationRoot>
      <Workbench />
    </PresentationRoot>
  );
}

function upsert(list: ProfileView[] | null, view: ProfileView): ProfileView[] {
  const current = list ?? [];
  return current.some((p) => p.id === view.id)
    ? current.map((p) => (p.id === view.id ? view : p))
    : [...current, view];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function Workbench() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [navOpened, setNavOpened] = useState(false);
  const [creatingSandbox, setCreatingSandbox] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const { memory, patch, forget } = useProfileMemory();

  useEffect(() => {
    let active = true;
    Promise.all([workbench.getAppInfo({}), workbench.listProfiles({})]).then(
      ([appInfo, list]) => {
        if (!active) return;
        setInfo(appInfo);
        setProfiles(list);
        setSelected((s) => s ?? list[0]?.id ?? null);
        setLoadError(null);
      },
      (error: unknown) => {
        if (active) setLoadError(error);
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const selectedKey = selected;
  const selectedProfile = profiles?.find((p) => p.id === selected) ?? null;
  const onMemory = useCallback(
    (update: (m: ProfileMemory) => ProfileMemory) => {
      if (selectedKey) patch(selectedKey, update);
    },
    [patch, selectedKey],
  );

  const unsaved = useMemo(() => {
    const keys = new Set<string>();
    for (const p of profiles ?? []) {
      const draft = memory[p.id]?.draft;
      if (draft && isDirty(draft, p)) keys.add(p.id);
    }
    return keys;
  }, [memory, profiles]);

  function select(key: string) {
    setSelected(key);
    setNavOpened(false);
    setActionError(null);
  }

  async function trySandbox() {
    setCreatingSandbox(true);
    setActionError(null);
    try {
      const view = await workbench.createSandboxProfile({});
      setProfiles((prev) => upsert(prev, view));
      select(view.id);
    } catch (error) {
      setActionError(`Starting the sandbox failed: ${messageOf(error)}`);
    } finally {
      setCreatingSandbox(false);
    }
  }

  const onSaved = (key: string) => (view: ProfileView, savedDraft: ProfileDraft) => {
    setProfiles((prev) => upsert(prev, view));
    if (key === newProfileKey) {
      forget(newProfileKey);
      setSelected((s) => (s === newProfileKey ? view.id : s));
      return;
    }
    patch(key, (m) => {
      if (!m.draft || m.draft === savedDraft) return { ...m, draft: undefined };
      // Edits made while saving stay; the saved secret change does not apply twice.
      return { ...m, draft: { ...m.draft, secret: '', removeSecret: false, error: null } };
    });
  };

  function onDeleted(id: string) {
    const rest = (profiles ?? []).filter((p) => p.id !== id);
    setProfiles(rest);
    forget(id);
    setSelected((s) => (s === id ? (rest[0]?.id ?? null) : s));
  }

  function onSettings(settings: Settings) {
    setInfo((prev) => (prev ? { ...prev, settings } : prev));
  }

  if (loadError instanceof LaunchKeyRejectedError) {
    return (
      <LaunchProblemPage title="This page's launch key is not valid" detail={loadError.message} />
    );
  }
  if (loadError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={560}>
          <Alert color="red" title="Could not load the workbench" role="alert">
            Loading settings and profiles failed: {messageOf(loadError)}
          </Alert>
          <Button onClick={() => setAttempt((a) => a + 1)} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!info || !profiles) {
    return (
      <Center mih="100vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm" c="dimmed">
            Connecting to the workbench…
          </Text>
        </Stack>
      </Center>
    );
  }

  const welcome = selected === null && profiles.length === 0;
  const sandboxUrl =
    selectedProfile?.sandbox && selectedProfile.effectiveBaseUrl
      ? selectedProfile.effectiveBaseUrl
      : info.sandboxUrl;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 290, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader
          info={info}
          sandboxSelected={selectedProfile?.sandbox === true}
          navOpened={navOpened}
          onToggleNav={() => setNavOpened((o) => !o)}
          onSettings={onSettings}
        />
      </AppShell.Header>
      <AppShell.Navbar p="md">
        <ProfileList
          profiles={profiles}
          selected={selected}
          unsaved={unsaved}
          onSelect={select}
          onNew={() => select(newProfileKey)}
          showNewButton={!welcome}
          onProfilesChanged={(list) => {
            setProfiles(list);
            setSelected((s) =>
              s === null || s === newProfileKey || list.some((p) => p.id === s)
                ? s
                : (list[0]?.id ?? null),
            );
          }}
        />
      </AppShell.Navbar>
      <AppShell.Main>
        <AppNotices info={info} />
        {actionError && (
          <Alert color="red" title="Sandbox" mb="md" role="alert">
            {actionError}
          </Alert>
        )}
        {welcome ? (
          <SandboxWelcome
            onTrySandbox={() => void trySandbox()}
            onNewProfile={() => select(newProfileKey)}
            busy={creatingSandbox}
          />
        ) : selected === null || (selected !== newProfileKey && !selectedProfile) ? (
          <Text c="dimmed">Pick a profile on the left, or create a new one.</Text>
        ) : (
          <ProfileWorkspace
            key={selected}
            profile={selected === newProfileKey ? null : selectedProfile}
            memory={memory[selected] ?? {}}
            onMemory={onMemory}
            sandboxUrl={sandboxUrl}
            appStorage={info.secretStorage}
            renewalLeadSeconds={info.settings.renewalLeadSeconds}
            onProfileChanged={(view) => setProfiles((prev) => upsert(prev, view))}
            onSaved={onSaved(selected)}
            onDeleted={onDeleted}
            onCancelNew={() => {
              forget(newProfileKey);
              setSelected(profiles[0]?.id ?? null);
            }}
          />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
