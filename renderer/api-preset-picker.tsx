import { Badge, Group, Select, Text } from '@mantine/core';
import { apiCatalog, endpointsByScope, type ApiEndpoint } from '../shared/api-catalog';

const groups = endpointsByScope().map(({ scope, endpoints }) => ({
  group: scope,
  items: endpoints.map((e) => ({ value: e.id, label: `${e.method} ${e.path} — ${e.description}` })),
}));

/** Presets from the API catalog, grouped by the scope each needs. */
export function ApiPresetPicker({
  selected,
  grantedScopes,
  onPick,
}: {
  selected: ApiEndpoint | null;
  /** Scopes of the current token; null when there is none. */
  grantedScopes: string[] | null;
  onPick: (endpoint: ApiEndpoint) => void;
}) {
  const has = selected?.scope ? (grantedScopes?.includes(selected.scope) ?? null) : null;
  return (
    <div>
      <Select
        label="API preset"
        placeholder="Pick a Celonis API (grouped by scope)"
        data={groups}
        value={selected?.id ?? null}
        onChange={(id) => {
          const endpoint = apiCatalog.find((e) => e.id === id);
          if (endpoint) onPick(endpoint);
        }}
        searchable
        clearable={false}
        size="xs"
        maxDropdownHeight={360}
        comboboxProps={{ withinPortal: true }}
      />
      {selected && (
        <Group gap="xs" mt={4} wrap="wrap">
          <Text size="xs">
            Needs scope{' '}
            <Text span ff="monospace" size="xs">
              {selected.scope ?? 'none (key check)'}
            </Text>
          </Text>
          {selected.scope && has === true && (
            <Badge size="xs" color="teal" variant="light">
              in the current token
            </Badge>
          )}
          {selected.scope && has === false && (
            <Badge size="xs" color="orange" variant="light">
              not in the current token
            </Badge>
          )}
          {selected.scope && has === null && (
            <Badge size="xs" color="gray" variant="light">
              no token yet
            </Badge>
          )}
          <Badge
            size="xs"
            variant="outline"
            color={selected.confidence === 'high' ? 'gray' : 'yellow'}
          >
            {selected.confidence} confidence
          </Badge>
          {selected.pathParams.length > 0 && (
            <Text size="xs" c="dimmed">
              Fill {selected.pathParams.map((p) => `{${p}}`).join(', ')} under Path parameters.
            </Text>
          )}
        </Group>
      )}
    </div>
  );
}
