import { Group, Progress, Text } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { countdown } from '../../shared/countdown';

const phaseColor = { ok: 'teal', warning: 'orange', expired: 'red' } as const;

/** "Expires in m:ss" with a thin lifetime bar; ticks every second. */
export const BarCountdown = memo(function BarCountdown({
  receivedAt,
  expiresIn,
  earlier,
}: {
  receivedAt: number;
  expiresIn: number | null;
  /** The token from before a failed attempt: said so, in words. */
  earlier?: boolean;
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
      <Text size="sm" fw={600}>
        {earlier ? 'Earlier token, lifetime unknown' : 'Valid, lifetime unknown (no expires_in)'}
      </Text>
    );
  }
  const state = countdown(receivedAt, expiresIn, now);
  if (earlier) {
    return (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Earlier token still held: {state.label.toLowerCase()}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text
        size="sm"
        fw={700}
        c={state.phase === 'ok' ? undefined : phaseColor[state.phase]}
        style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {state.label}
      </Text>
      <Progress
        value={state.percentLeft}
        color={phaseColor[state.phase]}
        aria-label="Token lifetime"
        size="sm"
        w={90}
        transitionDuration={200}
      />
    </Group>
  );
});
