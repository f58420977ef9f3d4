import { Badge, Button, CloseButton, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { customScopeProblem } from './scope-filter';
import { mono } from './theme';

/** Scopes outside the catalog: type one, add it; listed ones can be removed. */
export function CustomScopeEntry({
  custom,
  selected,
  onAdd,
  onRemove,
}: {
  custom: string[];
  selected: readonly string[];
  onAdd: (scope: string) => void;
  onRemove: (scope: string) => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add() {
    const problem = customScopeProblem(value, selected);
    if (problem) {
      setError(problem);
      return;
    }
    onAdd(value.trim());
    setValue('');
    setError(null);
  }

  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label="Custom scope"
          placeholder="a scope not in the catalog"
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={error}
          styles={{ input: mono }}
          style={{ flex: 1 }}
          spellCheck={false}
          autoComplete="off"
        />
        <Button variant="default" mt={25} onClick={add}>
          Add
        </Button>
      </Group>
      {custom.length > 0 && (
        <Group gap={6}>
          {custom.map((s) => (
            <Badge
              key={s}
              variant="outline"
              radius="sm"
              tt="none"
              style={mono}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={`Remove scope ${s}`}
                  onClick={() => onRemove(s)}
                />
              }
            >
              {s}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
