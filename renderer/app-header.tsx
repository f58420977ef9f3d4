import {
  Badge,
  Burger,
  Group,
  Switch,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import { useEffect } from 'react';
import type { AppInfo, Settings } from '../shared/results';
import { PRESENTATION_SHORTCUT, usePresentationMode, usePresentationToggle } from './presentation';
import { SettingsPopover } from './settings-popover';

/** App name, what the selected profile points at, presentation mode and settings. */
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
  const presenting = usePresentationMode();
  const setPresenting = usePresentationToggle();
  const { setColorScheme } = useMantineColorScheme();
  const theme = info.settings.theme;
  useEffect(() => {
    setColorScheme(theme === 'system' ? 'auto' : theme);
  }, [theme, setColorScheme]);

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
        {presenting && (
          <Badge color="orange" variant="filled" size="lg">
            Presenting: secrets hidden
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {!info.settings.network.tlsVerify && (
          <Badge color="red" variant="filled">
            TLS verification off
          </Badge>
        )}
        {info.secretStorage === 'memory' && (
          <Tooltip label={info.keychainProblem ?? 'No keychain answered'} multiline w={300}>
            <Badge color="yellow" variant="light">
              Secrets in memory only
            </Badge>
          </Tooltip>
        )}
        <Text size="xs" c="dimmed" visibleFrom="md">
          v{info.version} · {info.host === 'electron' ? 'desktop' : 'browser'}
        </Text>
        <Tooltip
          label={`Masks secrets, tokens and client IDs on screen (${PRESENTATION_SHORTCUT})`}
        >
          <Switch
            label="Presentation mode"
            checked={presenting}
            onChange={(e) => setPresenting(e.currentTarget.checked)}
          />
        </Tooltip>
        <SettingsPopover settings={info.settings} onSaved={onSettings} />
      </Group>
    </Group>
  );
}
