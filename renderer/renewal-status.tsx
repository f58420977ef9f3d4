import { Text } from '@mantine/core';
import type { RenewalState } from '../shared/grant-results';
import { TimeLeft } from './time-left';

/** Automatic renewal as main schedules it, next to the countdown. */
export function RenewalStatus({ renewal }: { renewal: RenewalState | undefined }) {
  if (!renewal || !renewal.enabled) return null;
  return (
    <div aria-label="Automatic renewal">
      {renewal.status === 'scheduled' && renewal.nextAt !== null && (
        <TimeLeft until={renewal.nextAt} label="Automatic renewal in" />
      )}
      {renewal.status === 'renewing' && (
        <Text size="xs" c="dimmed">
          Renewing now…
        </Text>
      )}
      {renewal.lastFailure && (
        <Text size="xs" c="red">
          Automatic renewal failed: {renewal.lastFailure}
          {renewal.status === 'stopped'
            ? ' Renewal stopped after three attempts; get a new token to restart it.'
            : ' It retries once later.'}
        </Text>
      )}
      {renewal.status === 'failed' && renewal.nextAt !== null && (
        <TimeLeft until={renewal.nextAt} label="Next renewal attempt in" />
      )}
    </div>
  );
}
