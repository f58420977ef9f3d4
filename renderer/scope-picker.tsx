import { Accordion, Button, Code, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { ScopeGroup } from '../shared/scope-catalog';
import { scopeCatalog } from '../shared/scope-catalog';
import { buildScopeString } from '../shared/scope-string';
import { CustomScopeEntry } from './custom-scope-entry';
import { usePaintedOnce } from './shell/use-after-paint';
import { ScopeGroupSection, groupValue } from './scope-group-section';
import { addScopes, catalogScopes, filterCatalog, removeScopes } from './scope-filter';

/** The grouped list scrolls inside: capped in a form, or filling its section's height. */
function ScopeListScroll({
  fill,
  style,
  children,
}: {
  fill: boolean;
  style: CSSProperties | undefined;
  children: ReactNode;
}) {
  return fill ? (
    <ScrollArea type="auto" offsetScrollbars style={style}>
      {children}
    </ScrollArea>
  ) : (
    <ScrollArea.Autosize mah={520} type="auto" offsetScrollbars>
      {children}
    </ScrollArea.Autosize>
  );
}

const allGroups = scopeCatalog.map((g) => g.group);
const knownScopes = catalogScopes(scopeCatalog);

/** The Celonis scope catalog as grouped checkboxes, plus custom scopes and the exact `scope=`. */
export const ScopePicker = memo(function ScopePicker({
  value,
  onChange,
  error,
  fill = false,
}: {
  /** Take the full height of the parent (the profile tab's Scopes section). */
  fill?: boolean;
  value: string[];
  /** Receives an update of the selection, so handlers stay stable across ticks. */
  onChange: (update: (scopes: string[]) => string[]) => void;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // The catalog (about 60 % of a profile tab's elements) renders after the tab's first paint.
  const listShown = usePaintedOnce();
  const [closed, setClosed] = useState<string[]>([]);
  const groups = useMemo(() => filterCatalog(scopeCatalog, deferredQuery), [deferredQuery]);
  const searching = deferredQuery.trim() !== '';
  const open = searching
    ? groups.map((g) => g.group)
    : allGroups.filter((g) => !closed.includes(g));

  // Stable handlers so a tick re-renders only the groups whose selection changed.
  const onToggle = useCallback(
    (scope: string, checked: boolean) =>
      onChange((prev) => (checked ? addScopes(prev, [scope]) : removeScopes(prev, [scope]))),
    [onChange],
  );
  const onSelectAll = useCallback(
    (group: ScopeGroup) =>
      onChange((prev) =>
        addScopes(
          prev,
          group.scopes.map((s) => s.scope),
        ),
      ),
    [onChange],
  );
  const onClear = useCallback(
    (group: ScopeGroup) =>
      onChange((prev) =>
        removeScopes(
          prev,
          group.scopes.map((s) => s.scope),
        ),
      ),
    [onChange],
  );

  const selected = new Set(value);
  const custom = value.filter((s) => !knownScopes.has(s));
  const scopeString = buildScopeString(value);

  const listStyle = fill ? { flex: 1, minHeight: 220 } : undefined;
  return (
    <Stack gap="sm" h={fill ? '100%' : undefined}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={600}>Scopes</Text>
          <Text size="xs" c="dimmed">
            Scopes limit the client to areas within its permissions; they cannot grant more.
          </Text>
        </div>
        <Text size="sm" c={value.length ? undefined : 'dimmed'} aria-live="polite">
          {value.length} selected
        </Text>
      </Group>
      <TextInput
        label="Search scopes"
        placeholder="Filter by scope, description or group"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-field="scopes"
      />
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <ScopeListScroll fill={fill} style={listStyle}>
        {!listShown ? (
          <Text size="sm" c="dimmed" p="sm">
            Loading the scope catalog…
          </Text>
        ) : groups.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            No scope matches “{deferredQuery.trim()}”. Add it below as a custom scope if your team
            has it.
          </Text>
        ) : (
          <Accordion
            multiple
            variant="contained"
            value={open.map(groupValue)}
            onChange={(next) => {
              if (!searching) setClosed(allGroups.filter((g) => !next.includes(groupValue(g))));
            }}
            transitionDuration={120}
          >
            {groups.map((group) => (
              <ScopeGroupSection
                key={group.group}
                group={group}
                selectedKey={group.scopes
                  .filter((s) => selected.has(s.scope))
                  .map((s) => s.scope)
                  .join(' ')}
                onToggle={onToggle}
                onSelectAll={onSelectAll}
                onClear={onClear}
              />
            ))}
          </Accordion>
        )}
      </ScopeListScroll>
      <CustomScopeEntry
        custom={custom}
        selected={value}
        onAdd={(s) => onChange((prev) => addScopes(prev, [s]))}
        onRemove={(s) => onChange((prev) => removeScopes(prev, [s]))}
      />
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Sent as
          </Text>
          {value.length > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => onChange(() => [])}
            >
              Deselect all
            </Button>
          )}
        </Group>
        {scopeString === undefined ? (
          <Text size="sm" c="dimmed">
            No scope parameter will be sent
          </Text>
        ) : (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            scope={scopeString}
          </Code>
        )}
      </Stack>
    </Stack>
  );
});
