import { Alert, Badge, Box, Code, Group, List, Stack, Text } from '@mantine/core';
import { findingsBesideAlert } from '../shared/diagnosis/alert-text';
import type { Finding } from '../shared/diagnosis/finding';
import type { Failure } from '../shared/wire';

const colors: Record<Finding['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};

/**
 * "Why did this fail?": each finding with its evidence and the fix, in a region named Diagnosis.
 * With the failure shown in an alert above it, what the alert says is not listed again.
 */
export function DiagnosisPanel({
  findings: all,
  failure,
}: {
  findings: Finding[] | undefined;
  failure?: Failure | null | undefined;
}) {
  if (!all || all.length === 0) return null;
  const findings = findingsBesideAlert(all, failure);
  return (
    <Box role="region" aria-label="Diagnosis">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Why did this fail?
        </Text>
        {findings.map((f, i) => (
          <Alert
            key={`${f.id}-${i}`}
            color={colors[f.severity]}
            variant="light"
            title={
              <Group gap="xs">
                <span>{f.title}</span>
                <Badge size="xs" variant="outline" color={colors[f.severity]}>
                  {f.severity}
                </Badge>
              </Group>
            }
            data-finding={f.id}
          >
            <Stack gap={6}>
              {f.evidence.length > 0 && (
                <div>
                  <Text size="xs" fw={600} c="dimmed">
                    Evidence
                  </Text>
                  <List size="sm" spacing={2}>
                    {f.evidence.map((e, j) => (
                      <List.Item key={j}>
                        <Text span size="xs" c="dimmed">
                          {e.source}
                        </Text>{' '}
                        {e.label}: <Code style={{ wordBreak: 'break-all' }}>{e.value}</Code>
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
              <Text size="sm">
                <Text span fw={600} inherit>
                  Fix:{' '}
                </Text>
                {f.fix}
              </Text>
            </Stack>
          </Alert>
        ))}
      </Stack>
    </Box>
  );
}
