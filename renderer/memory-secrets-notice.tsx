import { Alert } from '@mantine/core';

/** Shown while no OS keychain answers: secrets live in memory for this run only. */
export function MemorySecretsNotice({ problem }: { problem: string | null }) {
  return (
    <Alert color="yellow" variant="light" title="Secrets are not saved" mb="md">
      No keychain answered: secrets are kept in memory for this run only and must be re-entered
      after restart.
      {problem ? ` (${problem})` : ''}
    </Alert>
  );
}
