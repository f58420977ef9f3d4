import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDuration } from '../shared/countdown';

/** "label m:ss", ticking every second until `until` (ms since epoch). */
export function TimeLeft({ until, label }: { until: number; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <Text size="xs" c={left === 0 ? 'red' : 'dimmed'}>
      {left === 0 ? `${label}: expired` : `${label} ${formatDuration(left)}`}
    </Text>
  );
}
