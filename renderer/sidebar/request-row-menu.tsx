import { Menu } from '@mantine/core';
import { memo, useState } from 'react';
import type { SidebarRequest } from '../../shared/sidebar-rows';
import { NameDialog } from '../request/request-title-bar';
import { announceRequestChange } from '../saved-request-events';
import { workbench } from '../workbench-api';
import { RowMenu } from './row-menu';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rename and delete one saved request from its sidebar row. */
export const RequestRowMenu = memo(function RequestRowMenu({
  request,
  onChanged,
  onDeleted,
  onError,
}: {
  request: SidebarRequest;
  onChanged: () => void;
  onDeleted: (request: SidebarRequest) => void;
  onError: (message: string) => void;
}) {
  // null until the first rename: the dialog is mounted only once it is wanted.
  const [renaming, setRenaming] = useState<boolean | null>(null);

  function rename(name: string) {
    setRenaming(false);
    workbench.renameRequest({ id: request.id, name }).then(
      (renamed) => {
        announceRequestChange({ kind: 'renamed', request: renamed });
        onChanged();
      },
      (error: unknown) => onError(`Rename failed: ${message(error)}`),
    );
  }

  function remove() {
    workbench.deleteRequest({ id: request.id }).then(
      () => {
        announceRequestChange({ kind: 'deleted', id: request.id });
        onDeleted(request);
      },
      (error: unknown) => onError(`Delete failed: ${message(error)}`),
    );
  }

  return (
    <>
      <RowMenu
        label={`Actions for request ${request.name}`}
        items={() => (
          <>
            <Menu.Item onClick={() => setRenaming(true)}>Rename</Menu.Item>
            <Menu.Item color="red" onClick={remove}>
              Delete
            </Menu.Item>
          </>
        )}
      />
      {renaming !== null && (
        <NameDialog
          opened={renaming}
          title="Rename request"
          initial={request.name}
          confirmLabel="Rename"
          onClose={() => setRenaming(false)}
          onConfirm={rename}
        />
      )}
    </>
  );
});
