import { TextInput } from '@mantine/core';
import { useCallback } from 'react';
import type { ProfileFields, ProfileView, SecretStorage } from '../../shared/profile';
import { ClientAuthFields } from '../client-auth-fields';
import { usePresentationMode, useSensitive } from '../presentation';
import type { ProfileDraft } from '../profile-draft';
import { ProfileVariablesEditor } from '../request/profile-variables-editor';
import { ScopePicker } from '../scope-picker';
import { SecretField } from '../secret-field';
import { TeamFields } from '../team-fields';
import { mono } from '../theme';

export interface FieldsProps {
  profile: ProfileView | null;
  draft: ProfileDraft;
  sandboxUrl: string | null;
  appStorage: SecretStorage;
  onDraft: (update: (d: ProfileDraft) => ProfileDraft) => void;
  onSecretReplaced?: (() => void) | undefined;
}

/** Editing a field clears the save error shown on it. */
function useFieldUpdate(onDraft: FieldsProps['onDraft']) {
  return useCallback(
    (next: (prev: ProfileFields) => ProfileFields) =>
      onDraft((d) => {
        const nextFields = next(d.fields);
        const field = d.error?.field as keyof ProfileFields | null | undefined;
        const touched = field && field in nextFields && nextFields[field] !== d.fields[field];
        return { ...d, fields: nextFields, error: touched ? null : d.error };
      }),
    [onDraft],
  );
}

function errorOf(draft: ProfileDraft) {
  return (name: string) => (draft.error?.field === name ? draft.error.message : undefined);
}

/** Section "Client": name, team and cluster, client ID and secret. */
export function ClientFields(props: FieldsProps) {
  const { profile, draft, sandboxUrl, appStorage, onDraft, onSecretReplaced } = props;
  const show = useSensitive();
  const presenting = usePresentationMode();
  const update = useFieldUpdate(onDraft);
  const errorOn = errorOf(draft);
  const patch = (p: Partial<ProfileFields>) => update((prev) => ({ ...prev, ...p }));
  return (
    <>
      <TextInput
        label="Profile name"
        placeholder="Acme production – reporting client"
        value={draft.fields.name}
        onChange={(e) => patch({ name: e.currentTarget.value })}
        error={errorOn('name')}
        data-field="name"
      />
      <TeamFields
        fields={draft.fields}
        sandboxUrl={sandboxUrl}
        errors={{
          team: errorOn('team'),
          cluster: errorOn('cluster'),
          baseUrl: errorOn('baseUrl'),
          tokenUrl: errorOn('tokenUrl'),
        }}
        onChange={update}
      />
      <TextInput
        label="Client ID"
        description="From Admin & Settings > Applications"
        // Presentation mode: masked and read-only, so the mask is never saved over the ID.
        value={show('client-id', draft.fields.clientId)}
        readOnly={presenting}
        onChange={(e) => {
          if (!presenting) patch({ clientId: e.currentTarget.value });
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
    </>
  );
}

/** Section "Grant and authentication". */
export function GrantFields({ draft, onDraft }: Pick<FieldsProps, 'draft' | 'onDraft'>) {
  const update = useFieldUpdate(onDraft);
  return (
    <ClientAuthFields
      fields={draft.fields}
      onChange={(p) => update((prev) => ({ ...prev, ...p }))}
    />
  );
}

/** Section "Scopes": the picker at the section's full height. */
export function ScopeFields({ draft, onDraft }: Pick<FieldsProps, 'draft' | 'onDraft'>) {
  const update = useFieldUpdate(onDraft);
  const onScopes = useCallback(
    (next: (scopes: string[]) => string[]) =>
      update((prev) => ({ ...prev, scopes: next(prev.scopes) })),
    [update],
  );
  return (
    <ScopePicker
      fill
      value={draft.fields.scopes}
      onChange={onScopes}
      error={errorOf(draft)('scopes')}
    />
  );
}

/** Section "Variables": `{{name}}` values for this profile's requests (plain, never secrets). */
export function VariableFields({ draft, onDraft }: Pick<FieldsProps, 'draft' | 'onDraft'>) {
  const update = useFieldUpdate(onDraft);
  return (
    <ProfileVariablesEditor
      variables={draft.fields.variables}
      onChange={(variables) => update((prev) => ({ ...prev, variables }))}
      error={errorOf(draft)('variables')}
    />
  );
}
