import {
  Badge,
  Button,
  Card,
  Collapse,
  Divider,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProfileFields, ProfileView, SecretStorage } from '../shared/profile';
import { grantTypeLabels } from '../shared/profile';
import { ClientAuthFields } from './client-auth-fields';
import { DeleteProfileButton } from './delete-profile-button';
import type { ProfileDraft } from './profile-draft';
import { ScopePicker } from './scope-picker';
import { SaveErrorAlert } from './save-error-alert';
import { SecretField } from './secret-field';
import { TeamFields } from './team-fields';
import { mono } from './theme';
import { usePresentationMode, useSensitive } from './presentation';

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
  paramsAs: 'Send parameters as',
  basicEncoding: 'Basic encoding',
  scopes: 'Scopes',
};

interface ProfileFormProps {
  profile: ProfileView | null;
  draft: ProfileDraft;
  dirty: boolean;
  saving: boolean;
  sandboxUrl: string | null;
  appStorage: SecretStorage;
  onDraft: (update: (d: ProfileDraft) => ProfileDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
  onDelete: () => Promise<void>;
  onCancel: () => void;
  /** After "Secret regenerated" replaced the saved secret: re-read the profile (its preview). */
  onSecretReplaced?: () => void;
}

/** The client profile: where the team is, who the client is, how it authenticates, which scopes. */
export function ProfileForm({
  profile,
  draft,
  dirty,
  saving,
  sandboxUrl,
  appStorage,
  onDraft,
  onSave,
  onDiscard,
  onDelete,
  onCancel,
  onSecretReplaced,
}: ProfileFormProps) {
  const [open, setOpen] = useState(true);
  const show = useSensitive();
  const presenting = usePresentationMode();
  const { fields, error } = draft;
  const errorOn = (name: string) => (error?.field === name ? error.message : undefined);

  // Editing a field clears the save error shown on it.
  const update = useCallback(
    (next: (prev: ProfileFields) => ProfileFields) =>
      onDraft((d) => {
        const nextFields = next(d.fields);
        const field = d.error?.field as keyof ProfileFields | null | undefined;
        const touched = field && field in nextFields && nextFields[field] !== d.fields[field];
        return { ...d, fields: nextFields, error: touched ? null : d.error };
      }),
    [onDraft],
  );
  const patch = (p: Partial<ProfileFields>) => update((prev) => ({ ...prev, ...p }));
  const onScopes = useCallback(
    (next: (scopes: string[]) => string[]) =>
      update((prev) => ({ ...prev, scopes: next(prev.scopes) })),
    [update],
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!saving) onSave();
  }

  return (
    <Card withBorder padding="lg" component="section" aria-label="Profile">
      <Group justify="space-between" mb={open ? 'md' : 0}>
        <Group gap="xs">
          <Title order={3}>{profile ? profile.name || 'Profile' : 'New profile'}</Title>
          {fields.sandbox && (
            <Badge color="grape" variant="light">
              Sandbox
            </Badge>
          )}
          {dirty && (
            <Badge color="yellow" variant="light">
              Unsaved changes
            </Badge>
          )}
        </Group>
        {profile && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setOpen((v) => !v)}
            aria-expanded={open}
          >
            {open ? 'Hide form' : 'Edit profile'}
          </Button>
        )}
      </Group>
      {!open && profile && (
        <Text size="sm" c="dimmed" mt="xs">
          <Text span style={mono} inherit>
            {show('client-id', profile.clientId)}
          </Text>{' '}
          · {grantTypeLabels[profile.grantType]} · {profile.authMethod} · {profile.scopes.length}{' '}
          scope{profile.scopes.length === 1 ? '' : 's'}
        </Text>
      )}
      <Collapse expanded={open}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="Profile name"
              placeholder="Acme production – reporting client"
              value={fields.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                patch({ name });
              }}
              error={errorOn('name')}
              data-field="name"
            />
            <TeamFields
              fields={fields}
              sandboxUrl={sandboxUrl}
              errors={{
                team: errorOn('team'),
                cluster: errorOn('cluster'),
                baseUrl: errorOn('baseUrl'),
                tokenUrl: errorOn('tokenUrl'),
              }}
              onChange={update}
            />
            <Divider label="Client" labelPosition="left" />
            <TextInput
              label="Client ID"
              description="From Admin & Settings > Applications"
              // Presentation mode: masked and read-only, so the mask is never saved over the ID.
              value={show('client-id', fields.clientId)}
              readOnly={presenting}
              onChange={(e) => {
                if (presenting) return;
                const clientId = e.currentTarget.value;
                patch({ clientId });
              }}
              error={errorOn('clientId')}
              data-field="clientId"
              styles={{ input: mono }}
              spellCheck={false}
              autoComplete="off"
            />
            <SecretField
              profile={profile}
              secret={draft.secret}
              removeSecret={draft.removeSecret}
              appStorage={appStorage}
              error={errorOn('clientSecret')}
              onSecretReplaced={onSecretReplaced}
              onChange={(p) =>
                onDraft((d) => ({
                  ...d,
                  ...p,
                  error: d.error?.field === 'clientSecret' ? null : d.error,
                }))
              }
            />
            <ClientAuthFields fields={fields} onChange={patch} />
            <Divider />
            <ScopePicker value={fields.scopes} onChange={onScopes} error={errorOn('scopes')} />
            <Divider />
            {error && (
              <SaveErrorAlert
                message={error.message}
                field={error.field}
                fieldLabel={error.field ? fieldLabels[error.field] : undefined}
              />
            )}
            <Group justify="space-between">
              <Group gap="xs">
                <Button type="submit" loading={saving}>
                  Save profile
                </Button>
                {profile && dirty && (
                  <Button variant="default" onClick={onDiscard}>
                    Discard changes
                  </Button>
                )}
                {!profile && (
                  <Button variant="default" onClick={onCancel}>
                    Cancel
                  </Button>
                )}
              </Group>
              {profile && <DeleteProfileButton name={profile.name} onDelete={onDelete} />}
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Card>
  );
}
