import { Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { redirectUriFor } from '../shared/authorization-url';
import type { ProfileFields } from '../shared/profile';
import { CopyButton } from './copy-button';
import { mono } from './theme';

/** The loopback redirect URI to register on the client, and the consent notes. */
export function RedirectFields({
  fields,
  onChange,
}: {
  fields: ProfileFields;
  onChange: (patch: Partial<ProfileFields>) => void;
}) {
  const uri = redirectUriFor(fields.redirectPort, fields.redirectPath);
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label="Redirect URI"
          description="Register exactly this on the client (Admin & Settings > Applications)."
          value={uri}
          readOnly
          style={{ flex: 1 }}
          styles={{ input: mono }}
        />
        <CopyButton label="Copy redirect URI" value={uri} />
      </Group>
      <Group gap="xs" grow>
        <NumberInput
          label="Redirect port"
          description="0: any free port (servers that match loopback on any port)"
          min={0}
          max={65535}
          value={fields.redirectPort}
          data-field="redirectPort"
          onChange={(v) => onChange({ redirectPort: typeof v === 'number' ? v : 0 })}
        />
        <TextInput
          label="Redirect path"
          value={fields.redirectPath}
          data-field="redirectPath"
          styles={{ input: mono }}
          onChange={(e) => onChange({ redirectPath: e.currentTarget.value })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        The user grants consent for 15 minutes up to 30 days; consents are listed and revoked under
        Edit Profile &gt; OAuth Client Management. The sign-in opens in the system browser, never
        inside the app.
      </Text>
    </Stack>
  );
}
