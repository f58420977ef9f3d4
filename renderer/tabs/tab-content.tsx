import { Box } from '@mantine/core';
import type { ProfileView } from '../../shared/profile';
import type { TabRef } from '../../shared/workspace-tabs';
import { ProfileTab, type ProfileTabProps } from '../profile-tab/profile-tab';
import { useProfileSave } from '../profile-tab/use-profile-save';
import { RequestTab } from '../request/request-tab';
import { TokenBar } from '../token-bar/token-bar';

/** What a tab needs: the profile tab's props, and the request tab's callbacks. */
export interface TabViewProps extends ProfileTabProps {
  tab: TabRef;
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
          <ProfileTab key={profile?.id ?? 'new'} {...props} />
        )}
      </Box>
    </Box>
  );
}
