import { Kbd, Modal, Table } from '@mantine/core';
import { keysLabel, shortcuts } from '../../shared/keyboard-map';
import { isMac } from './use-shortcuts';

/** Every keyboard shortcut, from the one table the shell listens with. */
export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Keys</Table.Th>
            <Table.Th scope="col">Does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Kbd>{keysLabel(s.keys, isMac)}</Kbd>
              </Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Kbd>Tab</Kbd> / <Kbd>Shift+Tab</Kbd>
            </Table.Td>
            <Table.Td>Move between controls; every action is a button or a field</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
