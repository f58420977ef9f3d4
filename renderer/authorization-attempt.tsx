import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { AuthorizationStart } from '../shared/grant-results';
import { CopyButton } from './copy-button';
import { mono } from './theme';
import { TimeLeft } from './time-left';

/** A running sign-in: the authorization URL (opened in the system browser) and where it returns. */
export function AuthorizationAttempt({ start }: { start: AuthorizationStart }) {
  return (
    <Alert color="blue" variant="light" title="Waiting for the sign-in in the browser">
      <Stack gap="xs">
        <Text size="sm">
          {start.openedExternally
            ? 'The sign-in page is open in your system browser.'
            : 'The sign-in page opened in a new tab.'}{' '}
          Sign in and consent there; the browser then returns to this app on the redirect URI.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Authorization URL"
            value={start.authorizationUrl}
            readOnly
            style={{ flex: 1 }}
            styles={{ input: mono }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton label="Copy authorization URL" value={start.authorizationUrl} />
          <Button
            size="xs"
            variant="default"
            onClick={() => window.open(start.authorizationUrl, '_blank', 'noopener')}
          >
            Open again
          </Button>
        </Group>
        <TextInput
          label="Redirect URI of this sign-in"
          value={start.redirectUri}
          readOnly
          styles={{ input: mono }}
        />
        <TimeLeft until={start.expiresAt} label="The redirect receiver closes in" />
        {start.discovery.notes.map((note) => (
          <Text key={note} size="xs" c="dimmed">
            {note}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
