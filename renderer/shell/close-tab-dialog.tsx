import { Button, Group, Modal, Text } from '@mantine/core';

/** Ctrl/Cmd+W or × on a tab with unsaved changes: ask before they are thrown away. */
export function CloseTabDialog({
  title,
  onKeep,
  onDiscard,
}: {
  title: string | null;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <Modal opened={title !== null} onClose={onKeep} title="Close a tab with unsaved changes?">
      <Text size="sm">
        “{title}” has changes that are not saved. Closing the tab throws them away.
      </Text>
      <Group justify="flex-end" mt="md" gap="xs">
        <Button variant="default" onClick={onKeep} data-autofocus>
          Keep it open
        </Button>
        <Button color="red" onClick={onDiscard}>
          Close without saving
        </Button>
      </Group>
    </Modal>
  );
}
