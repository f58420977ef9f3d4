import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { memo, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import { workbench } from '../workbench-api';
import { RowMenu } from './row-menu';

/** New request, duplicate, rename, delete for one profile in the list. */
export const ProfileRowMenu = memo(function ProfileRowMenu({
  profile,
  onDone,
  onDeleted,
  onError,
  onNewRequest,
}: {
  profile: ProfileView;
  onNewRequest?: (profileId: string) => void;
  onDone: (changedId: string | null) => void;
  onDeleted: (profile: ProfileView) => void;
  onError: (message: string) => void;
}) {
  // null until the first rename: the dialog is mounted only once it is wanted.
  const [renaming, setRenaming] = useState<boolean | null>(null);
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
      <RowMenu
        label={`Actions for ${profile.name}`}
        items={() => (
          <>
            {onNewRequest && (
              <Menu.Item onClick={() => onNewRequest(profile.id)}>New request</Menu.Item>
            )}
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
          </>
        )}
      />
      {renaming !== null && (
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
      )}
    </>
  );
});
