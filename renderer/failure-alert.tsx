import { Alert, Code, Stack, Text } from '@mantine/core';
import type { Failure } from '../shared/wire';

const stepNames: Record<Failure['step'], string> = {
  prepare: 'Preparing the request',
  authorization: 'Sign-in (authorization endpoint and redirect)',
  connect: 'Connecting',
  'token-endpoint': 'Token endpoint',
  'api-call': 'API call',
};

/** A failure in words: the step, what happened, the server's OAuth error, and what to try. */
export function FailureAlert({ failure }: { failure: Failure }) {
  return (
    <Alert color="red" variant="light" title={failure.title} role="alert">
      <Stack gap={6}>
        <Text size="sm">{failure.message}</Text>
        {failure.error !== undefined && (
          <Text size="sm">
            error: <Code>{failure.error}</Code>
          </Text>
        )}
        {failure.errorDescription !== undefined && (
          <Text size="sm">
            error_description: <Code>{failure.errorDescription}</Code>
          </Text>
        )}
        {failure.hint && (
          <Text size="sm">
            <Text span fw={600} inherit>
              What to try:{' '}
            </Text>
            {failure.hint}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Step: {stepNames[failure.step]}
        </Text>
      </Stack>
    </Alert>
  );
}
