import { Badge, Button, Collapse, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { useState } from 'react';
import type { CheckFix, CheckStep } from '../../shared/client-check/check-types';
import { useSensitiveText } from '../presentation';
import { StepEvidence } from './step-evidence';

const look: Record<CheckStep['status'], { color: string; icon: string; word: string }> = {
  pending: { color: 'gray', icon: '·', word: 'waiting' },
  running: { color: 'blue', icon: '…', word: 'running' },
  passed: { color: 'teal', icon: '✓', word: 'passed' },
  failed: { color: 'red', icon: '✕', word: 'failed' },
  skipped: { color: 'gray', icon: '–', word: 'skipped' },
  undecided: { color: 'yellow', icon: '?', word: 'undecided' },
};

function duration(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One step in the vertical list: icon, title, verdict, duration; a failed step expands. */
export function CheckStepItem({
  step,
  onFix,
}: {
  step: CheckStep;
  onFix: (fix: CheckFix) => void;
}) {
  const mask = useSensitiveText();
  const [open, setOpen] = useState(false);
  const l = look[step.status];
  const hasDetail = step.status !== 'pending' && step.status !== 'running';
  return (
    <Stack gap={4} component="li" aria-label={`${step.title}: ${l.word}`} data-step={step.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={l.color} variant="light" radius="xl" size="md" aria-hidden>
          {step.status === 'running' ? <Loader size={12} color={l.color} /> : l.icon}
        </ThemeIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {step.title}
            </Text>
            <Badge size="xs" color={l.color} variant="light">
              {l.word}
            </Badge>
            <Text size="xs" c="dimmed">
              {duration(step.durationMs)}
            </Text>
          </Group>
          {step.reason && (
            <Text size="xs" c="dimmed">
              {mask(step.reason)}
            </Text>
          )}
        </Stack>
        {hasDetail && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((v) => !v)}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} evidence for ${step.title}`}
          >
            {open ? 'Hide' : 'Evidence'}
          </Button>
        )}
      </Group>
      {step.fixes.length > 0 && (
        <Group gap="xs" pl={34}>
          {step.fixes.map((fix) => (
            <Button key={fix.label} size="compact-xs" variant="light" onClick={() => onFix(fix)}>
              {fix.label}
            </Button>
          ))}
        </Group>
      )}
      <Collapse expanded={open}>{open && <StepEvidence step={step} />}</Collapse>
    </Stack>
  );
}
