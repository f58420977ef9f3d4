import { Button, Group, Modal, Text } from '@mantine/core';

/** Asks before the access token goes to an origin it was not issued for (this request only). */
export function OriginConfirmModal({
  target,
  onConfirm,
  onCancel,
}: {
  target: { targetOrigin: string; profileOrigin: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={target !== null} onClose={onCancel} title="Send the token elsewhere?" centered>
      {target && (
        <Text size="sm">
          Send the access token to <b>{target.targetOrigin}</b>? This token was issued for{' '}
          <b>{target.profileOrigin}</b>.
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Anyone running that server can use the token until it expires. The choice applies to this
        one request only.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="orange" onClick={onConfirm}>
          Send anyway
        </Button>
      </Group>
    </Modal>
  );
}
