import {
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiKeyStatus } from '../shared/contract';
import { useSensitive } from './presentation';
import type { ApiKeyScheme, AuthChoice } from './request-draft';
import { workbench } from './workbench-api';

/**
 * How the request authenticates: the current OAuth token, an API key (as Bearer for user keys,
 * AppKey for application keys; kept in the keychain by main), or nothing.
 */
export function AuthSelector({
  profileId,
  auth,
  scheme,
  onChange,
}: {
  profileId: string;
  auth: AuthChoice;
  scheme: ApiKeyScheme;
  onChange: (patch: { auth?: AuthChoice; apiKeyScheme?: ApiKeyScheme }) => void;
}) {
  const [status, setStatus] = useState<ApiKeyStatus | null>(null);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const show = useSensitive();

  useEffect(() => {
    if (auth !== 'apiKey') return;
    let active = true;
    workbench.getApiKeyStatus({ profileId }).then(
      (s) => active && setStatus(s),
      (e: unknown) => active && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      active = false;
    };
  }, [auth, profileId]);

  async function save(value: string | null) {
    setError(null);
    try {
      setStatus(await workbench.setApiKey({ profileId, apiKey: value }));
      setKey('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Stack gap={6}>
      <Group gap="xs" align="center">
        <Text size="sm" fw={500} id="auth-label">
          Auth
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="auth-label"
          value={auth}
          onChange={(v) => onChange({ auth: v as AuthChoice })}
          data={[
            { value: 'token', label: 'OAuth token' },
            { value: 'apiKey', label: 'API key' },
            { value: 'none', label: 'None' },
          ]}
        />
      </Group>
      {auth === 'apiKey' && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label="Send the key as"
            size="xs"
            value={scheme}
            onChange={(e) => onChange({ apiKeyScheme: e.currentTarget.value as ApiKeyScheme })}
            data={[
              { value: 'Bearer', label: 'Bearer (user API key)' },
              { value: 'AppKey', label: 'AppKey (application key)' },
            ]}
          />
          <PasswordInput
            label="API key"
            size="xs"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            placeholder={status?.hasApiKey ? 'saved: type to replace' : 'paste the key'}
            w={260}
            autoComplete="off"
          />
          <Button size="xs" variant="default" disabled={!key.trim()} onClick={() => void save(key)}>
            Save key
          </Button>
          {status?.hasApiKey && (
            <>
              <Text size="xs" c="dimmed">
                Saved: {show('secret', status.preview ?? '')}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void save(null)}
              >
                Remove key
              </Button>
            </>
          )}
        </Group>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
