import { Code, Stack, Table, Text } from '@mantine/core';
import type { CheckExchange, CheckStep } from '../../shared/client-check/check-types';
import { useSensitiveText } from '../presentation';

function exchangeText(x: CheckExchange): string {
  const lines: string[] = [];
  if (x.request) {
    lines.push(`${x.request.method} ${x.request.url}`);
    for (const [k, v] of x.request.headers) lines.push(`${k}: ${v}`);
    if (x.request.body) lines.push('', x.request.body.text);
  }
  lines.push('');
  if (x.response) {
    lines.push(`← ${x.response.status} ${x.response.statusText}`.trim());
    for (const [k, v] of x.response.headers) lines.push(`${k}: ${v}`);
    if (x.response.body) lines.push('', x.response.body);
  } else lines.push(`← ${x.failure ?? 'no answer'}`);
  return lines.join('\n');
}

/** A step's finding and evidence: facts, the API rows, each masked request and answer. */
export function StepEvidence({ step }: { step: CheckStep }) {
  const mask = useSensitiveText();
  return (
    <Stack gap={6} pl={34} pb="xs">
      {step.finding && (
        <Text size="sm">
          <Text span fw={600}>
            Finding:{' '}
          </Text>
          {mask(step.finding)}
        </Text>
      )}
      {step.changes.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            Change:{' '}
          </Text>
          {step.changes.map(mask).join(' ')}
        </Text>
      )}
      {step.facts.length > 0 && (
        <Table fz="xs" verticalSpacing={2} withTableBorder aria-label={`${step.title} evidence`}>
          <Table.Tbody>
            {step.facts.map((f, i) => (
              <Table.Tr key={`${f.label}-${i}`}>
                <Table.Th w="40%">{f.label}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{mask(f.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {step.rows.length > 0 && (
        <Table fz="xs" verticalSpacing={2} withTableBorder aria-label="API calls">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Preset</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Finding</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {step.rows.map((r) => (
              <Table.Tr key={r.scope}>
                <Table.Td>{r.scope}</Table.Td>
                <Table.Td>{r.path ?? '—'}</Table.Td>
                <Table.Td>{r.status ?? '—'}</Table.Td>
                <Table.Td>
                  {r.verdict}: {r.finding}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {step.exchanges.map((x, i) => (
        <Stack key={`${x.label}-${i}`} gap={2}>
          <Text size="xs" fw={600}>
            {x.label}
          </Text>
          <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {mask(exchangeText(x))}
          </Code>
        </Stack>
      ))}
    </Stack>
  );
}
