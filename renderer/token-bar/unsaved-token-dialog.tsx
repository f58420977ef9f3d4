import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * Get token while the profile has unsaved edits: never save them silently. "Without saving"
 * uses the edits for this one request (client credentials) and stores nothing.
 */
export function UnsavedTokenDialog({
  opened,
  draftUsable,
  onSaveAndGet,
  onGetWithoutSaving,
  onClose,
}: {
  opened: boolean;
  /** The grant can use a one-off draft (client credentials); sign-ins use the saved profile. */
  draftUsable: boolean;
  onSaveAndGet: () => void;
  onGetWithoutSaving: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="The profile has unsaved changes" size="md">
      <Stack gap="sm">
        <Text size="sm">
          {draftUsable
            ? 'Save them first, or try them for this one token request without saving. A typed secret is stored only when you save.'
            : 'Save them first, or sign in with the saved profile; the edits stay unsaved in the form.'}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="default" onClick={onGetWithoutSaving}>
            Get token without saving
          </Button>
          <Button onClick={onSaveAndGet} data-autofocus>
            Save and get token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
