import { Accordion, Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { ScopeGroup } from '../shared/scope-catalog';
import { mono } from './theme';

interface ScopeGroupSectionProps {
  group: ScopeGroup;
  /** Selected scopes of this group, in catalog order, joined by spaces (a cheap memo key). */
  selectedKey: string;
  onToggle: (scope: string, checked: boolean) => void;
  onSelectAll: (group: ScopeGroup) => void;
  onClear: (group: ScopeGroup) => void;
}

/** One scope group: a checkbox per scope, named exactly by the scope string. */
export const ScopeGroupSection = memo(function ScopeGroupSection({
  group,
  selectedKey,
  onToggle,
  onSelectAll,
  onClear,
}: ScopeGroupSectionProps) {
  const selected = new Set(selectedKey ? selectedKey.split(' ') : []);
  const count = group.scopes.filter((s) => selected.has(s.scope)).length;
  return (
    <Accordion.Item value={groupValue(group.group)}>
      <Accordion.Control>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {group.group}
          </Text>
          {count > 0 && (
            <Badge size="xs" variant="light">
              {count}/{group.scopes.length}
            </Badge>
          )}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {
            <Group gap={4}>
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`Select all scopes in ${group.group}`}
                onClick={() => onSelectAll(group)}
                disabled={count === group.scopes.length}
              >
                Select all
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                aria-label={`Clear scopes in ${group.group}`}
                onClick={() => onClear(group)}
                disabled={count === 0}
              >
                Clear
              </Button>
            </Group>
          }
          {group.scopes.map((entry) => (
            <Checkbox
              key={entry.scope}
              checked={selected.has(entry.scope)}
              onChange={(e) => onToggle(entry.scope, e.currentTarget.checked)}
              label={
                <Text span size="sm" style={mono}>
                  {entry.scope}
                </Text>
              }
              description={
                <>
                  <Text span size="xs" display="block">
                    {entry.description}
                  </Text>
                  {entry.details && (
                    <Text span size="xs" c="dimmed" display="block">
                      {entry.details}
                    </Text>
                  )}
                </>
              }
            />
          ))}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
});

/** An Accordion value without spaces: Mantine builds element ids (aria-controls) from it. */
export function groupValue(group: string): string {
  return group.replace(/[^A-Za-z0-9_-]+/g, '-');
}
