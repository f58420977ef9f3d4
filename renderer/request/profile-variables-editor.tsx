import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ProfileVariable } from '../../shared/variables';
import { mono } from '../theme';

/**
 * The profile's variables: `{{name}}` in a request's URL, headers, path parameters and body is
 * replaced by the value. Plain values, stored with the profile: never a place for a secret.
 */
export function ProfileVariablesEditor({
  variables,
  onChange,
  error,
}: {
  variables: ProfileVariable[];
  onChange: (variables: ProfileVariable[]) => void;
  /** A save error about the variables (e.g. a name defined twice). */
  error?: string;
}) {
  const update = (i: number, patch: Partial<ProfileVariable>) =>
    onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const names = variables.map((v) => v.name.trim());
  return (
    <Stack gap={6} role="group" aria-label="Variables">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Variables
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            onChange([
              ...variables,
              { name: `var${variables.length + 1}`, value: '', enabled: true },
            ])
          }
        >
          Add variable
        </Button>
      </Group>
      {variables.length === 0 && (
        <Text size="xs" c="dimmed">
          None yet. Add one, then write {'{{name}}'} in a request&apos;s URL, headers or body.
        </Text>
      )}
      {variables.map((v, i) => {
        const duplicate = v.name.trim() !== '' && names.indexOf(v.name.trim()) !== i;
        const badName = /[{}]/.test(v.name) || v.name.trim().startsWith('$');
        return (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <Checkbox
              mt={6}
              aria-label={`Use variable ${i + 1}`}
              checked={v.enabled}
              onChange={(e) => update(i, { enabled: e.currentTarget.checked })}
            />
            <TextInput
              aria-label={`Variable ${i + 1} name`}
              placeholder="name"
              value={v.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              size="xs"
              w="35%"
              styles={{ input: mono }}
              error={
                v.name.trim() === ''
                  ? 'Name is required'
                  : duplicate
                    ? `${v.name.trim()} is defined twice`
                    : badName
                      ? 'No { } and no leading $'
                      : undefined
              }
            />
            <TextInput
              aria-label={`Variable ${i + 1} value`}
              placeholder="value"
              value={v.value}
              onChange={(e) => update(i, { value: e.currentTarget.value })}
              size="xs"
              style={{ flex: 1 }}
              styles={{ input: mono }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove variable ${i + 1}`}
              onClick={() => onChange(variables.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Variables are plain values saved with the profile and included in exports. They are never
        kept in the keychain, so do not put a secret in one: the client secret and API keys have
        their own fields. Also available: {'{{$guid}}'}, {'{{$timestamp}}'}, {'{{$isoTimestamp}}'},{' '}
        {'{{$randomInt}}'}.
      </Text>
    </Stack>
  );
}
