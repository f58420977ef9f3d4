import { Button, Group, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Settings } from '../shared/results';
import { workbench } from './workbench-api';

/** Request timeout, applied to token and API calls alike. */
export function SettingsPopover({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [timeout, setTimeoutValue] = useState<number | string>(settings.timeoutSeconds);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const value = typeof timeout === 'number' ? timeout : Number(timeout);
    if (!Number.isInteger(value) || value < 1 || value > 600) {
      setError('Request timeout must be a whole number of seconds from 1 to 600');
      return;
    }
    setBusy(true);
    try {
      onSaved(await workbench.updateSettings({ timeoutSeconds: value }));
      setError(null);
      setOpened(false);
    } catch (e) {
      setError(`Saving settings failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={300}
      shadow="md"
      trapFocus
    >
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            setTimeoutValue(settings.timeoutSeconds);
            setError(null);
            setOpened((o) => !o);
          }}
        >
          Settings
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <NumberInput
            label="Request timeout (seconds)"
            description="For token and API calls"
            min={1}
            max={600}
            allowDecimal={false}
            value={timeout}
            onChange={setTimeoutValue}
            error={error}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Default 30
            </Text>
            <Button size="xs" onClick={() => void save()} loading={busy}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
