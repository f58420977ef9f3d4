import { Group, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { composeRequest } from '../../shared/request-compose';
import { systemDynamicSources, type ProfileVariable } from '../../shared/variables';
import type { RequestDraft } from '../request-draft';
import { mono } from '../theme';

/**
 * Each `{{variable}}` the request uses, with the value it resolves to, shown before sending;
 * or the problem (unknown variable, loop) that would stop the send.
 */
export function VariablesPreview({
  draft,
  variables,
}: {
  draft: RequestDraft;
  variables: readonly ProfileVariable[];
}) {
  const composed = useMemo(
    () =>
      composeRequest(
        // Path parameters are checked on Send; here only the variables count.
        {
          ...draft,
          pathParams: (draft.pathParams ?? []).map((p) => ({ ...p, value: p.value || '-' })),
        },
        variables,
        systemDynamicSources,
      ),
    [draft, variables],
  );
  if (!composed.ok) {
    if (composed.field === 'pathParams') return null;
    return (
      <Text size="xs" c="red" role="status" aria-label="Variables">
        {composed.message}
      </Text>
    );
  }
  if (composed.used.length === 0) return null;
  return (
    <Group gap={6} role="list" aria-label="Variables">
      <Text size="xs" c="dimmed">
        Variables:
      </Text>
      {composed.used.map((u) => (
        <Tooltip
          key={u.name}
          label={
            u.source === 'dynamic' ? 'A new value on every send' : 'From the profile’s Variables'
          }
        >
          <Text size="xs" role="listitem" style={mono}>
            {`{{${u.name}}}`} →{' '}
            {u.source === 'dynamic' ? `${u.value} (changes per send)` : u.value || '(empty)'}
          </Text>
        </Tooltip>
      ))}
    </Group>
  );
}
