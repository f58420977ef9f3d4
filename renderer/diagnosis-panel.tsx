import { Alert, Badge, Box, Code, Group, List, Stack, Text } from '@mantine/core';
import type { Finding } from '../shared/diagnosis/finding';

const colors: Record<Finding['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};

/** "Why did this fail?": each finding with its evidence and the fix, in a region named Diagnosis. */
export function DiagnosisPanel({ findings }: { findings: Finding[] | undefined }) {
  if (!findings || findings.length === 0) return null;
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
