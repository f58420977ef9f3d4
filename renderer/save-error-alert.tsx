import { Alert, Button, Text } from '@mantine/core';

/** Why a save failed, next to the Save button, with a way to the field it names. */
export function SaveErrorAlert({
  message,
  field,
  fieldLabel,
}: {
  message: string;
  field: string | null;
  fieldLabel: string | undefined;
}) {
  const prefix = fieldLabel && !message.startsWith(fieldLabel) ? `${fieldLabel}: ` : '';
  function goToField() {
    const el = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }
  return (
    <Alert color="red" variant="light" title="The profile was not saved" role="alert">
      <Text size="sm">
        {prefix}
        {message}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Your edits are kept: fix {fieldLabel ?? 'the input'} and save again.
      </Text>
      {field && fieldLabel && (
        <Button size="compact-xs" variant="light" color="red" mt={6} onClick={goToField}>
          Go to {fieldLabel}
        </Button>
      )}
    </Alert>
  );
}
