import { Group, Stack, Text, TextInput } from '@mantine/core';
import type { TokenView } from '../shared/results';
import { CopyButton } from './copy-button';
import { ScopeBadges } from './scope-badges';
import { mono } from './theme';
import { TokenCountdown } from './token-countdown';

/** The access token: the value, copy actions, its lifetime and its scopes. */
export function TokenDetails({ token }: { token: TokenView }) {
  return (
    <Stack gap="sm">
      <TextInput
        label="Access token"
        value={token.accessToken}
        readOnly
        styles={{ input: mono }}
        description={`Token type: ${token.tokenType} · may be sent to ${token.origin}`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Group gap="xs">
        <CopyButton label="Copy token" value={token.accessToken} />
        <CopyButton
          label="Copy Authorization header"
          value={`Authorization: Bearer ${token.accessToken}`}
        />
        <Text size="xs" c="dimmed">
          Received {new Date(token.receivedAt).toLocaleTimeString()}
        </Text>
      </Group>
      <TokenCountdown receivedAt={token.receivedAt} expiresIn={token.expiresIn} />
      <ScopeBadges token={token} />
    </Stack>
  );
}
