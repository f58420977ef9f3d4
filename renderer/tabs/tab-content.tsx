import { Box } from '@mantine/core';
import type { ProfileView, SecretStorage } from '../../shared/profile';
import type { TabRef } from '../../shared/workspace-tabs';
import type { ProfileDraft } from '../profile-draft';
import type { MemoryPatch, ProfileMemory } from '../profile-memory';
import { ProfileTab } from '../profile-tab/profile-tab';
import { useProfileSave } from '../profile-tab/use-profile-save';
import { RequestTab } from '../request/request-tab';
import { TokenBar } from '../token-bar/token-bar';

export interface TabViewProps {
  tab: TabRef;
  profile: ProfileView | null;
  memory: ProfileMemory;
  patch: MemoryPatch;
  sandboxUrl: string | null;
  appStorage: SecretStorage;
  renewalLeadSeconds: number;
  onSaved: (view: ProfileView, savedDraft: ProfileDraft) => void;
  onDeleted: (id: string) => void;
  onCancelNew: () => void;
  onProfileChanged: (view: ProfileView) => void;
  /** `presetScope`: the new tab starts with that scope's API preset chosen. */
  onNewRequest: (profileId: string, presetScope?: string) => void;
  onRequestMeta: (tabId: string, meta: { title?: string; dirty?: boolean }) => void;
  /** Saved requests changed (saved, duplicated, renamed, deleted, restored): the sidebar re-reads. */
  onRequestsChanged: () => void;
  onOpenRequest: (profileId: string, savedRequestId: string) => void;
  /** A new request tab was saved: its tab reference now names the saved request. */
  onSavedAs: (tabId: string, savedRequestId: string) => void;
}

/** The token bar of a saved profile, with that profile's draft and save. */
function ProfileTokenBar(props: TabViewProps & { profile: ProfileView }) {
  const { profile, memory, patch, onSaved, renewalLeadSeconds } = props;
  const { dirty, save, tokenDraft } = useProfileSave(
    profile,
    memory,
    patch,
    onSaved,
    renewalLeadSeconds,
  );
  return (
    <TokenBar
      profile={profile}
      memory={memory}
      patch={patch}
      dirty={dirty}
      saveProfile={save}
      draft={tokenDraft}
    />
  );
}

/** The tab on screen: the token bar on top (for a saved profile), then the profile or request. */
export function TabContent(props: TabViewProps) {
  const { tab, profile } = props;
  return (
    <Box
      data-tab-view={tab.kind}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
    >
      {profile && <ProfileTokenBar {...props} profile={profile} />}
      <Box style={{ flex: 1, minHeight: 0, overflow: tab.kind === 'request' ? 'auto' : 'hidden' }}>
        {tab.kind === 'request' && profile ? (
          <RequestTab
            key={tab.tabId}
            profile={profile}
            savedRequestId={tab.savedRequestId}
            tabId={tab.tabId}
            onDirtyChange={(dirty) => props.onRequestMeta(tab.tabId, { dirty })}
            onTitleChange={(title) => props.onRequestMeta(tab.tabId, { title })}
            onRequestsChanged={props.onRequestsChanged}
            onOpenRequest={props.onOpenRequest}
            onSavedAs={(id) => props.onSavedAs(tab.tabId, id)}
          />
        ) : (
          <ProfileTab
            key={profile?.id ?? 'new'}
            profile={profile}
            memory={props.memory}
            patch={props.patch}
            sandboxUrl={props.sandboxUrl}
            appStorage={props.appStorage}
            renewalLeadSeconds={props.renewalLeadSeconds}
            onSaved={props.onSaved}
            onDeleted={props.onDeleted}
            onCancelNew={props.onCancelNew}
            onProfileChanged={props.onProfileChanged}
            onNewRequest={props.onNewRequest}
          />
        )}
      </Box>
    </Box>
  );
}
