import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { countdown } from '../shared/countdown';

const phaseColor = { ok: 'teal', warning: 'orange', expired: 'red' } as const;

/** Time left on a token, from `expires_in` measured at receipt; ticks every second. */
export function TokenCountdown({
  receivedAt,
  expiresIn,
}: {
  receivedAt: number;
  expiresIn: number | null;
}) {
  const [now, setNow] = useState(() => Date.now());
  const expired = expiresIn !== null && countdown(receivedAt, expiresIn, now).phase === 'expired';

  useEffect(() => {
    if (expiresIn === null || expired) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [expiresIn, expired]);

  if (expiresIn === null) {
    return (
      <Text size="sm" c="dimmed">
        The server sent no expires_in: the token&apos;s lifetime is unknown.
      </Text>
    );
  }
  const state = countdown(receivedAt, expiresIn, now);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600} c={state.phase === 'ok' ? undefined : phaseColor[state.phase]}>
          {state.label}
        </Text>
        <Text size="xs" c="dimmed">
          expires_in {expiresIn} s, counted from receipt
        </Text>
      </Group>
      <Progress
        value={state.percentLeft}
        color={phaseColor[state.phase]}
        aria-label="Token lifetime"
        size="sm"
        transitionDuration={200}
      />
    </Stack>
  );
}
