import { Alert, Stack, Text } from '@mantine/core';
import type { TokenAttempt } from '../shared/events';
import type { TokenView } from '../shared/results';
import { FailureAlert } from './failure-alert';
import { TokenDetails } from './token-details';

const triggerNames: Record<TokenAttempt['trigger'], string> = {
  'get-token': 'Get token',
  refresh: 'Refresh',
  renewal: 'Automatic renewal',
  'authorization-code': 'Sign-in',
  device: 'Device sign-in',
  resend: 'Re-send from history',
  'secret-regenerated': 'Secret regenerated',
};

/** A failed attempt this panel did not make itself (automatic renewal, another tab). */
export function LastAttemptFailure({ attempt }: { attempt: TokenAttempt }) {
  if (!attempt.failure) return null;
  return (
    <Stack gap={4} aria-label="Last attempt">
      <Text size="sm" fw={600}>
        {triggerNames[attempt.trigger]} failed at {new Date(attempt.at).toLocaleTimeString()}
      </Text>
      <FailureAlert failure={attempt.failure} findings={attempt.finding ? [attempt.finding] : []} />
      {attempt.finding && (
        <Text size="sm">
          {attempt.finding.title}. {attempt.finding.fix}
        </Text>
      )}
    </Stack>
  );
}

/** The token that is still valid after a failed attempt: clearly the earlier one. */
export function EarlierToken({ token, failed }: { token: TokenView; failed: boolean }) {
  return (
    <section aria-label="Earlier token">
      <Alert color="gray" variant="light" title="Earlier token (not from the last attempt)">
        <Text size="sm">
          {failed ? 'The last token request failed. ' : ''}This token was issued earlier, at{' '}
          {new Date(token.receivedAt).toLocaleTimeString()}, and is still kept for this profile.
        </Text>
      </Alert>
      <TokenDetails token={token} />
    </section>
  );
}
