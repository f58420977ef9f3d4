import { Stack, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import type { TokenView } from '../shared/results';
import { ExpiryCheckView } from './expiry-check-view';
import { JwtSignatureLine } from './client-check';
import { JwtClaimsView } from './profile-tab/jwt-claims-view';
import { useSensitive } from './presentation';
import { ScopeBadges } from './scope-badges';
import { mono } from './theme';

/** The access token's value and when it arrived: the part of the detail shown first. */
export function TokenValue({ token }: { token: TokenView }) {
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
      <Text size="xs" c="dimmed">
        Received {new Date(token.receivedAt).toLocaleTimeString()}
        {token.expiresIn !== null ? ` · expires_in ${token.expiresIn} s, counted from receipt` : ''}
        {token.refreshAvailable ? ' · a refresh token is kept in main (never shown)' : ''}
      </Text>
    </Stack>
  );
}

/** What the token says beyond its value: the expiry check, the signature, scopes and claims. */
export const TokenFacts = memo(function TokenFacts({ token }: { token: TokenView }) {
  return (
    <Stack gap="sm">
      <ExpiryCheckView token={token} />
      <JwtSignatureLine profileId={token.profileId} accessToken={token.accessToken} />
      <ScopeBadges token={token} />
      <JwtClaimsView accessToken={token.accessToken} />
    </Stack>
  );
});

/**
 * The access token in detail: the value, its lifetime as sent, its claims and granted vs.
 * requested scopes. The countdown and the copy buttons live in the token bar above.
 */
export function TokenDetails({ token }: { token: TokenView }) {
  return (
    <Stack gap="sm">
      <TokenValue token={token} />
      <TokenFacts token={token} />
    </Stack>
  );
}
