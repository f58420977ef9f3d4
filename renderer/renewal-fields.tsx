import { Group, NumberInput, Switch } from '@mantine/core';
import type { ProfileFields } from '../shared/profile';

/** Automatic renewal: on/off and how many seconds before expiry. */
export function RenewalFields({
  fields,
  onChange,
}: {
  fields: ProfileFields;
  onChange: (patch: Partial<ProfileFields>) => void;
}) {
  return (
    <Group gap="md" align="flex-end">
      <Switch
        label="Renew automatically"
        description={
          fields.grantType === 'client_credentials'
            ? 'A new token before this one expires.'
            : 'A refresh before this token expires.'
        }
        checked={fields.autoRenew}
        data-field="autoRenew"
        onChange={(e) => onChange({ autoRenew: e.currentTarget.checked })}
      />
      <NumberInput
        label="Seconds before expiry"
        min={5}
        max={3600}
        w={220}
        disabled={!fields.autoRenew}
        value={fields.renewLeadSeconds}
        data-field="renewLeadSeconds"
        onChange={(v) => onChange({ renewLeadSeconds: typeof v === 'number' ? v : 60 })}
      />
    </Group>
  );
}
