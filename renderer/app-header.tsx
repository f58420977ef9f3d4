import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Kbd,
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
import { presentingColor } from './theme';
import { PersonalDataBadge } from './request/personal-data';
import { palette } from './shell/palette-store';
import { isMac } from './shell/use-shortcuts';

/** App name, what the tab on screen points at, search, presentation mode and settings. */
export function AppHeader({
  info,
  sandboxSelected,
  sidebarOpen,
  onToggleSidebar,
  onShortcuts,
  onSettings,
}: {
  info: AppInfo;
  sandboxSelected: boolean;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  onShortcuts: () => void;
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
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onToggleSidebar}
          aria-label={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
          aria-expanded={sidebarOpen}
        >
          ☰
        </ActionIcon>
        <Title order={1} fz="lg" style={{ whiteSpace: 'nowrap' }}>
          Token Workbench
        </Title>
        {sandboxSelected && (
          <Badge color="grape" variant="filled" style={{ flexShrink: 0 }}>
            Sandbox
          </Badge>
        )}
        {presenting && (
          <Badge color={presentingColor} variant="filled" size="lg" style={{ flexShrink: 0 }}>
            Presenting: secrets hidden
          </Badge>
        )}
        {/* Shown only while presenting: whether personal data in responses is masked. */}
        <PersonalDataBadge />
      </Group>
      <Button
        variant="default"
        size="xs"
        onClick={() => palette.open()}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        style={{ flexShrink: 1, minWidth: 0 }}
        rightSection={<Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}+K</Kbd>}
        visibleFrom="sm"
        // The accessible name must contain the visible text (axe: label-content-name-mismatch).
        aria-label={presenting ? `Search and commands ${isMac ? '⌘' : 'Ctrl'}+K` : undefined}
      >
        {presenting ? null : 'Search…'}
      </Button>
      <Group gap="sm" wrap="nowrap">
        {!info.settings.network.tlsVerify && (
          <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
            TLS verification off
          </Badge>
        )}
        {/* While presenting the header is crowded: the one-line banner below says it too. */}
        {info.secretStorage === 'memory' && !presenting && (
          <Tooltip label={info.keychainProblem ?? 'No keychain answered'} multiline w={300}>
            <Badge color="yellow" variant="light" tabIndex={0} style={{ flexShrink: 0 }}>
              Secrets in memory only
            </Badge>
          </Tooltip>
        )}
        <Text size="xs" c="dimmed" visibleFrom="xl" style={{ whiteSpace: 'nowrap' }}>
          v{info.version} · {info.host === 'electron' ? 'desktop' : 'browser'}
        </Text>
        <Tooltip
          label={`Masks secrets, tokens and client IDs on screen (${PRESENTATION_SHORTCUT})`}
        >
          <Switch
            styles={{ label: { whiteSpace: 'nowrap' } }}
            // The visible word is short so the header fits at 1280 px with presentation's larger text.
            label="Presentation"
            aria-label="Presentation mode"
            checked={presenting}
            onChange={(e) => setPresenting(e.currentTarget.checked)}
          />
        </Tooltip>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onShortcuts}
          aria-label="Keyboard shortcuts"
        >
          ?
        </ActionIcon>
        <SettingsPopover settings={info.settings} onSaved={onSettings} />
      </Group>
    </Group>
  );
}
