import { Table, Text } from '@mantine/core';
import { useSensitiveText } from './presentation';
import { usePersonalDataText } from './request/personal-data';
import { mono } from './theme';

/** Header name/value pairs as sent or received (values already masked by main). */
export function HeadersTable({ headers, label }: { headers: [string, string][]; label: string }) {
  const sensitive = useSensitiveText();
  const personal = usePersonalDataText();
  const mask = (value: string) => personal(sensitive(value));
  if (headers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No headers
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder striped verticalSpacing={4} fz="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Name</Table.Th>
            <Table.Th>Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map(([name, value], i) => (
            <Table.Tr key={`${name}-${i}`}>
              <Table.Td style={{ ...mono, verticalAlign: 'top' }}>{name}</Table.Td>
              <Table.Td style={{ ...mono, wordBreak: 'break-all' }}>{mask(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
