import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ProfileView, SecretStorage } from '../shared/profile';
import { usePresentationMode, useSensitive } from './presentation';
import { SecretActions } from './secret-actions';
import { mono } from './theme';

const storageWords: Record<SecretStorage, string> = {
  keychain: 'Saved in the OS keychain',
  memory: 'Saved in memory for this run only',
};

/**
 * The client secret. The saved one never comes back to the renderer: only its masked preview.
 * Empty = keep the saved secret; typed = replace it; "Remove secret" = delete it on save.
 */
export function SecretField({
  profile,
  secret,
  removeSecret,
  appStorage,
  error,
  onChange,
  onSecretReplaced,
}: {
  profile: ProfileView | null;
  secret: string;
  removeSecret: boolean;
  appStorage: SecretStorage;
  error?: string | undefined;
  onChange: (patch: { secret?: string; removeSecret?: boolean }) => void;
  /** After "Secret regenerated" replaced the saved secret (the preview changes). */
  onSecretReplaced?: () => void;
}) {
  const show = useSensitive();
  const presenting = usePresentationMode();
  const preview = show('secret', profile?.secretPreview ?? '••••••');
  const saved = profile?.hasSecret === true && !removeSecret;
  const where = storageWords[profile?.secretStorage ?? appStorage];
  let description: string;
  if (removeSecret) description = 'The saved secret will be removed when you save the profile.';
  else if (saved && secret !== '') description = 'The typed secret replaces the saved one on save.';
  else if (saved) description = `${where}: ${preview} — type to replace`;
  else
    description =
      appStorage === 'keychain'
        ? 'Stored in the OS keychain on save, never in the profile file.'
        : 'No keychain answered: the secret is kept in memory for this run only.';

  return (
    <Stack gap={4}>
      <PasswordInput
        label="Client secret"
        // Presentation mode: a typed secret is masked and read-only until it is switched off.
        value={show('secret', secret)}
        readOnly={presenting}
        onChange={(e) => {
          if (!presenting) onChange({ secret: e.currentTarget.value, removeSecret: false });
        }}
        placeholder={saved ? `${preview} — type to replace` : 'Paste the client secret'}
        description={description}
        error={error}
        autoComplete="off"
        data-field="clientSecret"
        spellCheck={false}
        styles={{ input: mono }}
      />
      {profile?.hasSecret && !removeSecret && (
        <SecretActions profile={profile} onReplaced={() => onSecretReplaced?.()} />
      )}
      {(profile?.hasSecret || removeSecret) && (
        <Group gap="xs">
          {removeSecret ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onChange({ removeSecret: false })}
            >
              Keep the saved secret
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => onChange({ secret: '', removeSecret: true })}
            >
              Remove secret
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
