import { Group, Stack, Text, TextInput } from '@mantine/core';
import type { TokenView } from '../shared/results';
import { CopyButton } from './copy-button';
import { ExpiryCheckView } from './expiry-check-view';
import { useSensitive } from './presentation';
import { RenewalStatus } from './renewal-status';
import { ScopeBadges } from './scope-badges';
import { mono } from './theme';
import { TokenCountdown } from './token-countdown';

/** The access token: the value, copy actions, its lifetime and its scopes. */
export function TokenDetails({ token }: { token: TokenView }) {
  const show = useSensitive();
  return (
    <Stack gap="sm">
      <TextInput
        label="Access token"
        value={show('token', token.accessToken)}
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
          {token.refreshAvailable ? ' · a refresh token is kept in main (never shown)' : ''}
        </Text>
      </Group>
      <TokenCountdown receivedAt={token.receivedAt} expiresIn={token.expiresIn} />
      <RenewalStatus renewal={token.renewal} />
      <ExpiryCheckView check={token.expiryCheck} />
      <ScopeBadges token={token} />
    </Stack>
  );
}
