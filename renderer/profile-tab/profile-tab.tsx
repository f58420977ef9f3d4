import { Badge, Box, Button, Group, Text, Title } from '@mantine/core';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ProfileView, SecretStorage } from '../../shared/profile';
import { ClientChecks } from '../client-checks';
import { ClientCheckPanel } from '../client-check';
import { announceDeleted } from '../deleted-profile';
import { DeleteProfileButton } from '../delete-profile-button';
import type { ProfileDraft } from '../profile-draft';
import { draftOf } from '../profile-draft';
import type { MemoryPatch, ProfileMemory } from '../profile-memory';
import { SaveErrorAlert } from '../save-error-alert';
import { Deferred } from '../shell/deferred';
import { getToken } from '../token-bar/token-actions';
import { workbench } from '../workbench-api';
import { ClientFields, GrantFields, ScopeFields, VariableFields } from './profile-fields';
import { ProfileSections, type Section } from './profile-sections';
import { TokenDetailPane } from './token-detail-pane';
import { useProfileSave } from './use-profile-save';

/** Fired by the shell for Ctrl/Cmd+S; the tab on screen saves what it shows. */
export const SAVE_EVENT = 'workbench:save';

const fieldLabels: Record<string, string> = {
  name: 'Profile name',
  team: 'Team',
  cluster: 'Cluster',
  baseUrl: 'Base URL',
  tokenUrl: 'Token URL',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  grantType: 'Grant type',
  authMethod: 'Authentication method',
  scopes: 'Scopes',
};

export interface ProfileTabProps {
  /** The saved profile; null while creating one. */
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
  onNewRequest: (profileId: string, presetScope?: string) => void;
}

/** A profile's tab: its settings in sections, and the token's detail beside them. */
export function ProfileTab(props: ProfileTabProps) {
  const { profile, memory, patch, onSaved } = props;
  const { draft, dirty, saving, save } = useProfileSave(
    profile,
    memory,
    patch,
    onSaved,
    props.renewalLeadSeconds,
  );
  const status = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState(false);
  const onDraft = (update: (d: ProfileDraft) => ProfileDraft) =>
    patch((m) => ({ ...m, draft: update(m.draft ?? draftOf(profile, props.renewalLeadSeconds)) }));

  async function saveNow() {
    if (saving) return;
    const ok = await save();
    setSaved(ok);
    // Focus goes to the outcome: the "Saved" line, or the error with its "Go to" button.
    window.setTimeout(() => {
      if (ok) status.current?.focus();
      else
        document.querySelector<HTMLElement>('[data-save-error] button, [data-save-error]')?.focus();
    }, 0);
  }
  const onShortcut = useEffectEvent(() => void saveNow());
  useEffect(() => {
    const listener = () => onShortcut();
    window.addEventListener(SAVE_EVENT, listener);
    return () => window.removeEventListener(SAVE_EVENT, listener);
  }, []);

  async function reread() {
    if (!profile) return;
    const view = (await workbench.listProfiles({})).find((p) => p.id === profile.id);
    if (view) props.onProfileChanged(view);
  }
  async function remove() {
    if (!profile) return;
    await workbench.deleteProfile({ id: profile.id });
    announceDeleted(profile);
    props.onDeleted(profile.id);
  }

  const fieldProps = {
    profile,
    draft,
    sandboxUrl: props.sandboxUrl,
    appStorage: props.appStorage,
    onDraft,
    onSecretReplaced: () => void reread().catch(() => undefined),
  };
  const sections: Section[] = [
    { id: 'client', label: 'Client', content: <ClientFields {...fieldProps} /> },
    { id: 'grant', label: 'Grant and authentication', content: <GrantFields {...fieldProps} /> },
    { id: 'scopes', label: 'Scopes', content: <ScopeFields {...fieldProps} />, fill: true },
    { id: 'variables', label: 'Variables', content: <VariableFields {...fieldProps} /> },
  ];
  if (profile) {
    sections.push({
      id: 'check',
      label: 'Check this client',
      content: (
        <ClientCheckPanel
          profile={profile}
          beforeRun={save}
          onProfileSaved={props.onProfileChanged}
          onOpenPresets={(scope) => props.onNewRequest(profile.id, scope)}
        />
      ),
    });
    sections.push({
      id: 'advanced',
      label: 'Advanced',
      content: (
        <>
          <ClientChecks
            profile={profile}
            beforeRequest={save}
            onSaved={(view) => onSaved(view, memory.draft ?? draftOf(view))}
          />
          <Group>
            <DeleteProfileButton name={profile.name} onDelete={remove} />
          </Group>
        </>
      ),
    });
  }
  const error = draft.error;
  const idPrefix = `profile-${profile?.id ?? 'new'}`;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Group justify="space-between" px="md" py={6} wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title
            order={2}
            fz="lg"
            style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {profile ? profile.name || 'Profile' : 'New profile'}
          </Title>
          {draft.fields.sandbox && (
            <Badge color="grape" variant="light">
              Sandbox
            </Badge>
          )}
          {dirty && (
            <Badge color="yellow" variant="light">
              Unsaved changes
            </Badge>
          )}
          <Text ref={status} tabIndex={-1} size="xs" c="dimmed" role="status">
            {saved && !dirty ? 'Saved' : ''}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            onClick={() => void saveNow()}
            loading={saving}
            aria-keyshortcuts="Control+S"
          >
            Save profile
          </Button>
          {profile && dirty && (
            <Button
              size="xs"
              variant="default"
              onClick={() => patch((m) => ({ ...m, draft: undefined }))}
            >
              Discard changes
            </Button>
          )}
          {!profile && (
            <Button size="xs" variant="default" onClick={props.onCancelNew}>
              Cancel
            </Button>
          )}
          {profile && (
            <Button size="xs" variant="light" onClick={() => props.onNewRequest(profile.id)}>
              New request
            </Button>
          )}
        </Group>
      </Group>
      {error && (
        <Box px="md" pb="xs" data-save-error>
          <SaveErrorAlert
            message={error.message}
            field={error.field}
            fieldLabel={error.field ? fieldLabels[error.field] : undefined}
          />
        </Box>
      )}
      <Box
        style={{
          display: 'flex',
          flex: 1,
          minHeight: 0,
          borderTop: '1px solid var(--mantine-color-default-border)',
        }}
      >
        <ProfileSections sections={sections} onSubmit={() => void saveNow()} idPrefix={idPrefix} />
        {profile && (
          <Box
            w="42%"
            style={{
              overflowY: 'auto',
              borderLeft: '1px solid var(--mantine-color-default-border)',
              flexShrink: 0,
            }}
          >
            <Deferred>
              <TokenDetailPane
                profile={profile}
                memory={memory}
                onSignInAgain={() => void getToken(profile, patch)}
              />
            </Deferred>
          </Box>
        )}
      </Box>
    </Box>
  );
}
