import { Badge, Group, Stack, Text } from '@mantine/core';
import type { TokenView } from '../shared/results';

/** Granted scopes, and the requested ones the server did not grant. */
export function ScopeBadges({ token }: { token: TokenView }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Granted scopes
      </Text>
      {token.grantedScopes.length > 0 ? (
        <Group gap={6}>
          {token.grantedScopes.map((s) => (
            <Badge key={s} variant="light" color="teal" radius="sm" tt="none" ff="monospace">
              {s}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          None
        </Text>
      )}
      {!token.scopeReturned && (
        <Text size="xs" c="dimmed">
          The server returned no scope member; the requested scopes are assumed granted (RFC 6749
          §5.1).
        </Text>
      )}
      {token.notGranted.length > 0 && (
        <>
          <Text size="sm" fw={600} c="orange">
            Requested but not granted
          </Text>
          <Group gap={6}>
            {token.notGranted.map((s) => (
              <Badge key={s} variant="filled" color="orange" radius="sm" tt="none" ff="monospace">
                {s}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            Enable these scopes on the OAuth client (Admin &amp; Settings &gt; Applications) and
            give the client permissions for them (Admin &amp; Settings &gt; Permissions).
          </Text>
        </>
      )}
    </Stack>
  );
}
