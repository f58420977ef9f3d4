import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ProfileFields } from '../shared/profile';
import { effectiveBaseUrl, effectiveTokenUrl } from '../shared/profile';
import { checkOverrideUrl, isValidLabel } from '../shared/team-url';
import { withTeamInput } from './profile-draft';
import { mono } from './theme';

type Errors = Partial<Record<'team' | 'cluster' | 'baseUrl' | 'tokenUrl', string>>;

/** Where the team lives: Team and Cluster, or overrides; and the URLs that result. */
export function TeamFields({
  fields,
  sandboxUrl,
  errors,
  onChange,
}: {
  fields: ProfileFields;
  sandboxUrl: string | null;
  errors: Errors;
  onChange: (next: (prev: ProfileFields) => ProfileFields) => void;
}) {
  const [blurred, setBlurred] = useState<ReadonlySet<string>>(new Set());
  const touch = (name: string) => setBlurred((prev) => new Set(prev).add(name));
  const base = effectiveBaseUrl(fields, sandboxUrl);
  const token = effectiveTokenUrl(fields, sandboxUrl);

  const labelError = (name: 'team' | 'cluster', label: string) => {
    const v = fields[name].trim().toLowerCase();
    if (errors[name]) return errors[name];
    if (!blurred.has(name) || v === '' || isValidLabel(v)) return undefined;
    return `${label} must be letters, digits and dashes`;
  };
  const urlError = (name: 'baseUrl' | 'tokenUrl', label: string) => {
    if (errors[name]) return errors[name];
    const v = fields[name].trim();
    if (!blurred.has(name) || v === '') return undefined;
    const problem = checkOverrideUrl(v);
    return problem ? `${label} ${problem}` : undefined;
  };

  const tokenUrlInput = (
    <TextInput
      label="Token URL"
      description="Optional; leave empty for the default"
      placeholder={`${base ?? '<base>'}/oauth2/token`}
      value={fields.tokenUrl}
      onChange={(e) => {
        const value = e.currentTarget.value;
        onChange((prev) => ({ ...prev, tokenUrl: value }));
      }}
      onBlur={() => touch('tokenUrl')}
      data-field="tokenUrl"
      error={urlError('tokenUrl', 'Token URL')}
      styles={{ input: mono }}
      spellCheck={false}
      autoComplete="off"
    />
  );

  // A sandbox profile's URLs follow the sandbox, wherever it listens this run.
  if (fields.sandbox) {
    return (
      <Stack gap={4}>
        <Text size="sm">
          Built-in sandbox at{' '}
          <Text span style={mono} inherit>
            {base ?? '(starts on first use)'}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          Token URL in effect:{' '}
          <Text span style={mono} inherit>
            {token ?? '<sandbox>/oauth2/token'}
          </Text>
        </Text>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label="Team"
          placeholder="acme"
          description="Paste a team URL to fill Team and Cluster"
          value={fields.team}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange((prev) => withTeamInput(prev, 'team', value));
          }}
          onBlur={() => touch('team')}
          data-field="team"
          error={labelError('team', 'Team')}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label="Cluster"
          placeholder="eu-1"
          description="As in <team>.<cluster>.celonis.cloud"
          value={fields.cluster}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange((prev) => withTeamInput(prev, 'cluster', value));
          }}
          onBlur={() => touch('cluster')}
          data-field="cluster"
          error={labelError('cluster', 'Cluster')}
          spellCheck={false}
          autoComplete="off"
        />
      </Group>
      <TextInput
        label="Base URL"
        description="Optional override for a proxy, the sandbox or a local test server; plain http only for loopback (127.0.0.1, localhost)"
        placeholder={
          fields.team && fields.cluster
            ? `https://${fields.team}.${fields.cluster}.celonis.cloud`
            : 'https://<team>.<cluster>.celonis.cloud'
        }
        value={fields.baseUrl}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange((prev) => ({ ...prev, baseUrl: value }));
        }}
        onBlur={() => touch('baseUrl')}
        data-field="baseUrl"
        error={urlError('baseUrl', 'Base URL')}
        styles={{ input: mono }}
        spellCheck={false}
        autoComplete="off"
      />
      {tokenUrlInput}
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          Base URL in effect:{' '}
          <Text span style={mono} inherit c={base ? 'var(--mantine-color-text)' : undefined}>
            {base ?? 'none yet (set Team and Cluster, or a Base URL)'}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          Token URL in effect:{' '}
          <Text span style={mono} inherit c={token ? 'var(--mantine-color-text)' : undefined}>
            {token ?? 'none yet'}
          </Text>
        </Text>
      </Stack>
    </Stack>
  );
}
