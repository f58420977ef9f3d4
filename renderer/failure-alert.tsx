import { Alert, Code, Stack, Text } from '@mantine/core';
import { alertText } from '../shared/diagnosis/alert-text';
import type { Finding } from '../shared/diagnosis/finding';
import type { Failure } from '../shared/wire';

const stepNames: Record<Failure['step'], string> = {
  prepare: 'Preparing the request',
  authorization: 'Sign-in (authorization endpoint and redirect)',
  connect: 'Connecting',
  'token-endpoint': 'Token endpoint',
  'api-call': 'API call',
};

/**
 * A failure in words: the step, what happened, the server's OAuth error, and what to try. With
 * the findings shown beside it, it leaves out what "Why did this fail?" says (see alertText).
 */
export function FailureAlert({
  failure,
  findings,
}: {
  failure: Failure;
  findings?: Finding[] | undefined;
}) {
  const text = alertText(failure, findings ?? []);
  return (
    <Alert color="red" variant="light" title={text.title} role="alert">
      <Stack gap={6}>
        {text.message !== null && <Text size="sm">{text.message}</Text>}
        {text.error !== undefined && (
          <Text size="sm">
            error: <Code>{text.error}</Code>
          </Text>
        )}
        {text.errorDescription !== undefined && (
          <Text size="sm">
            error_description: <Code>{text.errorDescription}</Code>
          </Text>
        )}
        {text.hint !== null && (
          <Text size="sm">
            <Text span fw={600} inherit>
              What to try:{' '}
            </Text>
            {text.hint}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Step: {stepNames[failure.step]}
        </Text>
      </Stack>
    </Alert>
  );
}
