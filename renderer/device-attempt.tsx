import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { DeviceStart } from '../shared/grant-results';
import { CopyButton } from './copy-button';
import { mono } from './theme';
import { TimeLeft } from './time-left';

/** A running device sign-in: the user code, where to enter it, and the code's remaining life. */
export function DeviceAttempt({ start }: { start: DeviceStart }) {
  const open = start.verificationUriComplete ?? start.verificationUri;
  return (
    <Alert color="blue" variant="light" title="Device sign-in: enter the code">
      <Stack gap="xs">
        <Text size="sm">Open the verification page, enter this code, sign in and consent.</Text>
        <Group gap="sm">
          <Text aria-label="User code" fw={700} size="xl" style={{ ...mono, letterSpacing: 2 }}>
            {start.userCode}
          </Text>
          <CopyButton label="Copy user code" value={start.userCode} />
        </Group>
        <Group gap="xs">
          <Text size="sm" style={{ ...mono, wordBreak: 'break-all' }} aria-label="Verification URI">
            {start.verificationUri}
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => window.open(open, '_blank', 'noopener')}
          >
            Open verification page
          </Button>
          <CopyButton label="Copy verification URI" value={open} />
        </Group>
        <Text size="xs" c="dimmed">
          Polling every {start.interval} s (more slowly when the server says slow_down).
        </Text>
        <TimeLeft until={start.expiresAt} label="The code expires in" />
      </Stack>
    </Alert>
  );
}
