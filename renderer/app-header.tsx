import { Badge, Burger, Group, Text, Title, Tooltip } from '@mantine/core';
import type { AppInfo, Settings } from '../shared/results';
import { SettingsPopover } from './settings-popover';

/** App name, what the selected profile points at, and settings. */
export function AppHeader({
  info,
  sandboxSelected,
  navOpened,
  onToggleNav,
  onSettings,
}: {
  info: AppInfo;
  sandboxSelected: boolean;
  navOpened: boolean;
  onToggleNav: () => void;
  onSettings: (settings: Settings) => void;
}) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label="Toggle profile list"
        />
        <Title order={1} fz="lg">
          Token Workbench
        </Title>
        {sandboxSelected && (
          <Badge color="grape" variant="filled">
            Sandbox
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {info.secretStorage === 'memory' && (
          <Tooltip label={info.keychainProblem ?? 'No keychain answered'} multiline w={300}>
            <Badge color="yellow" variant="light">
              Secrets in memory only
            </Badge>
          </Tooltip>
        )}
        <Text size="xs" c="dimmed" visibleFrom="sm">
          v{info.version} · {info.host === 'electron' ? 'desktop' : 'browser'}
        </Text>
        <SettingsPopover settings={info.settings} onSaved={onSettings} />
      </Group>
    </Group>
  );
}
