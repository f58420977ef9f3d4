import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

/** Delete, after a confirmation that says what goes with the profile. */
export function DeleteProfileButton({
  name,
  onDelete,
}: {
  name: string;
  onDelete: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Delete profile
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Delete this profile?" centered>
        <Text size="sm">
          Delete <b>{name}</b>? Its saved client secret and current token are removed as well. The
          OAuth client in your Celonis team is not touched.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void onDelete().finally(() => {
                setBusy(false);
                setOpen(false);
              });
            }}
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </>
  );
}
