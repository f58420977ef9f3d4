import { Badge, Box, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { prettyBody } from './format';
import { useSensitiveText } from './presentation';
import { usePersonalDataText } from './request/personal-data';
import { mono } from './theme';

/** A body in a monospace block, pretty-printed when it is JSON. */
export function BodyView({
  text,
  truncated = false,
  label,
}: {
  text: string;
  truncated?: boolean;
  label: string;
}) {
  const sensitive = useSensitiveText();
  const personal = usePersonalDataText();
  const pretty = useMemo(() => prettyBody(text), [text]);
  const shown = { ...pretty, text: personal(sensitive(pretty.text)) };
  return (
    <Box>
      <Group gap="xs" mb={4}>
        {shown.json && (
          <Badge size="xs" variant="light" color="gray">
            JSON, pretty-printed
          </Badge>
        )}
        {truncated && (
          <Badge size="xs" variant="light" color="yellow">
            Truncated: only the beginning is kept for display
          </Badge>
        )}
      </Group>
      {text === '' ? (
        <Text size="sm" c="dimmed">
          Empty body
        </Text>
      ) : (
        <Box
          component="pre"
          aria-label={label}
          tabIndex={0}
          m={0}
          p="sm"
          fz="xs"
          style={{
            ...mono,
            maxHeight: 420,
            overflow: 'auto',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            background: 'var(--mantine-color-default-hover)',
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        >
          {shown.text}
        </Box>
      )}
    </Box>
  );
}
