import { ActionIcon, Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ProfileView } from '../shared/profile';
import { workbench } from './workbench-api';

/** Duplicate, rename, delete for one profile in the list. */
export function ProfileRowMenu({
  profile,
  onDone,
  onDeleted,
  onError,
  onNewRequest,
}: {
  profile: ProfileView;
  onNewRequest?: () => void;
  onDone: (changedId: string | null) => void;
  onDeleted: (profile: ProfileView) => void;
  onError: (message: string) => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(profile.name);
  const [renameError, setRenameError] = useState<string | null>(null);
  const fail = (what: string) => (e: unknown) =>
    onError(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);

  async function rename() {
    try {
      await workbench.renameProfile({ id: profile.id, name });
      setRenaming(false);
      onDone(profile.id);
    } catch (e) {
      setRenameError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`Actions for ${profile.name}`}>
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {onNewRequest && <Menu.Item onClick={onNewRequest}>New request</Menu.Item>}
          <Menu.Item
            onClick={() =>
              void workbench
                .duplicateProfile({ id: profile.id })
                .then((copy) => onDone(copy.id), fail('Duplicate'))
            }
          >
            Duplicate
          </Menu.Item>
          <Menu.Item
            onClick={() => {
              setName(profile.name);
              setRenameError(null);
              setRenaming(true);
            }}
          >
            Rename
          </Menu.Item>
          <Menu.Item
            color="red"
            onClick={() =>
              void workbench
                .deleteProfile({ id: profile.id })
                .then(() => onDeleted(profile), fail('Delete'))
            }
          >
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={renaming} onClose={() => setRenaming(false)} title="Rename profile">
        <Stack gap="sm">
          <TextInput
            label="New name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={renameError}
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') void rename();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRenaming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void rename()}>Rename</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
