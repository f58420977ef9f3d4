import { Alert } from '@mantine/core';

/** A call that did not produce a result at all (refused input, host gone): step + message. */
export function CallErrorAlert({ title, message }: { title: string; message: string }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {message}
    </Alert>
  );
}
