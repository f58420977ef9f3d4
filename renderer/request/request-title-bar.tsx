import { ActionIcon, Button, Group, Menu, Modal, Text, TextInput, Tooltip } from '@mantine/core';
import { useState, type RefObject } from 'react';

export interface TitleNotice {
  text: string;
  tone: 'ok' | 'error' | 'info';
  /** An Undo button beside the notice (after a delete). */
  undo?: () => void;
}

/** Asks for a name (first save, rename); Enter confirms. */
export function NameDialog(props: {
  opened: boolean;
  title: string;
  initial: string;
  confirmLabel: string;
  onConfirm: (name: string) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      {props.opened && <NameForm {...props} />}
    </Modal>
  );
}

function NameForm({
  initial,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  initial: string;
  confirmLabel: string;
  onConfirm: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  const empty = name.trim() === '';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) onConfirm(name.trim());
      }}
    >
      <TextInput
        label="Request name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        data-autofocus
        maxLength={120}
        error={empty ? 'Request name is required' : undefined}
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={empty}>
          {confirmLabel}
        </Button>
      </Group>
    </form>
  );
}

/** The request's name, its save state, Save and the Duplicate / Rename / Delete menu. */
export function RequestTitleBar({
  title,
  saved,
  dirty,
  saving,
  notice,
  noticeRef,
  onSave,
  onDuplicate,
  onRename,
  onDelete,
}: {
  title: string;
  saved: boolean;
  dirty: boolean;
  saving: boolean;
  notice: TitleNotice | null;
  noticeRef: RefObject<HTMLDivElement | null>;
  onSave: () => void;
  onDuplicate: () => void;
  onRename: () => void;
  onDelete: () => void;
}) {
  const color = notice?.tone === 'error' ? 'red' : notice?.tone === 'ok' ? 'teal' : 'dimmed';
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <Tooltip label={title} openDelay={400}>
        <Text fw={600} truncate="end" tabIndex={0} aria-label={`Request name: ${title}`}>
          {title}
        </Text>
      </Tooltip>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {!saved ? 'Not saved' : dirty ? 'Unsaved changes' : 'Saved'}
      </Text>
      <Tooltip label="Save into the profile (Ctrl/⌘+S)">
        <Button
          size="xs"
          onClick={onSave}
          loading={saving}
          variant={dirty || !saved ? 'filled' : 'default'}
        >
          Save request
        </Button>
      </Tooltip>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="md" aria-label="More request actions">
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onDuplicate} disabled={!saved}>
            Duplicate request
          </Menu.Item>
          <Menu.Item onClick={onRename} disabled={!saved}>
            Rename request
          </Menu.Item>
          <Menu.Item color="red" onClick={onDelete} disabled={!saved}>
            Delete request
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <div ref={noticeRef} tabIndex={-1} role="status" style={{ minWidth: 0 }}>
        {notice && (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c={color} truncate="end">
              {notice.text}
            </Text>
            {notice.undo && (
              <Button size="compact-xs" variant="light" onClick={notice.undo}>
                Undo
              </Button>
            )}
          </Group>
        )}
      </div>
    </Group>
  );
}
