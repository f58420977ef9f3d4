import { Grid, Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import { countdown } from '../shared/countdown';
import type { ProfileView, SecretStorage } from '../shared/profile';
import type { ApiResult, TokenResult } from '../shared/results';
import type { ProfileDraft } from './profile-draft';
import { announceDeleted } from './deleted-profile';
import { draftOf, errorField, isDirty, saveInput } from './profile-draft';
import { ProfileForm } from './profile-form';
import type { ProfileMemory } from './profile-memory';
import type { RequestDraft } from './request-draft';
import { emptyRequestDraft } from './request-draft';
import { RequestTester } from './request-tester';
import { ClientChecks } from './client-checks';
import { TokenPanel } from './token-panel';
import { WorkbenchCallError, workbench } from './workbench-api';

interface ProfileWorkspaceProps {
  /** The saved profile; null while creating one. */
  profile: ProfileView | null;
  memory: ProfileMemory;
  /** Updates this profile's memory (bound to the profile when the call started). */
  onMemory: (update: (m: ProfileMemory) => ProfileMemory) => void;
  sandboxUrl: string | null;
  appStorage: SecretStorage;
  onSaved: (view: ProfileView, savedDraft: ProfileDraft) => void;
  onDeleted: (id: string) => void;
  onCancelNew: () => void;
  /** A newer view of the saved profile (after "Secret regenerated"); the draft stays. */
  onProfileChanged?: (view: ProfileView) => void;
  /** Settings' renewal lead time, which a new profile starts with. */
  renewalLeadSeconds?: number;
}

/** Two columns once the main area (not the window) is wide enough for both. */
const containerBreakpoints = {
  xs: '480px',
  sm: '640px',
  md: '800px',
  lg: '1080px',
  xl: '1300px',
};

function tokenState(result: TokenResult | null | undefined): 'none' | 'expired' | 'valid' {
  const token = result?.token;
  if (!token) return 'none';
  if (token.expiresIn === null) return 'valid';
  return countdown(token.receivedAt, token.expiresIn, Date.now()).phase === 'expired'
    ? 'expired'
    : 'valid';
}

/** One profile on screen: its form, its token and the request tester. */
export function ProfileWorkspace({
  profile,
  memory,
  onMemory,
  sandboxUrl,
  appStorage,
  onSaved,
  onDeleted,
  onCancelNew,
  renewalLeadSeconds = 60,
  onProfileChanged,
}: ProfileWorkspaceProps) {
  const [saving, setSaving] = useState(false);
  const draft = memory.draft ?? draftOf(profile, renewalLeadSeconds);
  const dirty = memory.draft ? isDirty(memory.draft, profile, renewalLeadSeconds) : false;

  const onDraft = useCallback(
    (update: (d: ProfileDraft) => ProfileDraft) =>
      onMemory((m) => ({ ...m, draft: update(m.draft ?? draftOf(profile, renewalLeadSeconds)) })),
    [onMemory, profile, renewalLeadSeconds],
  );

  /** Saves the current draft; returns false (with the error on the form) when main refused. */
  async function save(): Promise<boolean> {
    const current = memory.draft;
    if (!current || !isDirty(current, profile, renewalLeadSeconds)) return true;
    setSaving(true);
    try {
      const view = await workbench.saveProfile(saveInput(current, profile?.id ?? null));
      onSaved(view, current);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof WorkbenchCallError ? errorField(error.field) : null;
      onMemory((m) => ({ ...m, draft: { ...(m.draft ?? current), error: { message, field } } }));
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!profile) return;
    try {
      await workbench.deleteProfile({ id: profile.id });
      announceDeleted(profile);
      onDeleted(profile.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      onDraft((d) => ({ ...d, error: { message: `Delete failed: ${message}`, field: null } }));
    }
  }

  /** Re-reads this profile, so the form shows the new secret's preview. */
  async function reread() {
    if (!profile) return;
    const list = await workbench.listProfiles({});
    const view = list.find((p) => p.id === profile.id);
    if (view) onProfileChanged?.(view);
  }

  const onToken = useCallback(
    (update: (prev: TokenResult | null) => TokenResult | null) =>
      onMemory((m) => ({ ...m, token: update(m.token ?? null) })),
    [onMemory],
  );
  const onRequestDraft = useCallback(
    (update: (prev: RequestDraft) => RequestDraft) =>
      onMemory((m) => ({ ...m, request: update(m.request ?? emptyRequestDraft()) })),
    [onMemory],
  );
  const onResponse = useCallback(
    (result: ApiResult) => onMemory((m) => ({ ...m, response: result })),
    [onMemory],
  );
  const [fallbackRequest] = useState(emptyRequestDraft);

  const form = (
    <ProfileForm
      profile={profile}
      draft={draft}
      dirty={dirty}
      saving={saving}
      sandboxUrl={sandboxUrl}
      appStorage={appStorage}
      onDraft={onDraft}
      onSave={() => void save()}
      onDiscard={() => onMemory((m) => ({ ...m, draft: undefined }))}
      onDelete={remove}
      onCancel={onCancelNew}
      onSecretReplaced={() => void reread().catch(() => undefined)}
    />
  );
  if (!profile) return form;

  return (
    <Grid gap="md" type="container" breakpoints={containerBreakpoints}>
      <Grid.Col span={{ base: 12, lg: 5 }}>{form}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <TokenPanel
            profile={profile}
            result={memory.token ?? null}
            onResult={onToken}
            beforeRequest={save}
            dirty={dirty}
          />
          <RequestTester
            profile={profile}
            tokenState={tokenState(memory.token)}
            draft={memory.request ?? fallbackRequest}
            onDraft={onRequestDraft}
            result={memory.response ?? null}
            onResult={onResponse}
          />
          <ClientChecks
            profile={profile}
            beforeRequest={save}
            onSaved={(view) => onSaved(view, memory.draft ?? draftOf(view))}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
