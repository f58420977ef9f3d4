import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { ProxyMode, Settings, SettingsPatch, Theme } from '../shared/settings';
import { workbench, WorkbenchCallError } from './workbench-api';

type Draft = {
  timeoutSeconds: number | string;
  renewalLeadSeconds: number | string;
  historyRetentionDays: number | string;
  theme: Theme;
  keepTokens: boolean;
  responseMemoryMB: number | string;
  responseSpillMB: number | string;
  proxyMode: ProxyMode;
  proxyUrl: string;
  proxyUsername: string;
  proxyPassword: string;
  caFile: string;
  tlsVerify: boolean;
};

function draftOf(s: Settings): Draft {
  return { ...s, ...s.network, proxyPassword: '' };
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number(v));

/** The Settings view: timeouts, renewal, history, theme, keeping tokens, response caps, network. */
export function SettingsPopover({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);

  async function save(removePassword = false) {
    const patch: SettingsPatch = {
      timeoutSeconds: num(draft.timeoutSeconds),
      renewalLeadSeconds: num(draft.renewalLeadSeconds),
      historyRetentionDays: num(draft.historyRetentionDays),
      theme: draft.theme,
      keepTokens: draft.keepTokens,
      responseMemoryMB: num(draft.responseMemoryMB),
      responseSpillMB: num(draft.responseSpillMB),
      network: {
        proxyMode: draft.proxyMode,
        proxyUrl: draft.proxyUrl,
        proxyUsername: draft.proxyUsername,
        caFile: draft.caFile,
        tlsVerify: draft.tlsVerify,
      },
      ...(removePassword
        ? { proxyPassword: null }
        : draft.proxyPassword
          ? { proxyPassword: draft.proxyPassword }
          : {}),
    };
    setBusy(true);
    try {
      const saved = await workbench.updateSettings(patch);
      onSaved(saved);
      setDraft(draftOf(saved));
      setError(null);
      if (!removePassword) setOpened(false);
    } catch (e) {
      setError({
        message: e instanceof Error ? e.message : String(e),
        field: e instanceof WorkbenchCallError ? e.field : undefined,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={() => {
          setDraft(draftOf(settings));
          setError(null);
          setOpened(true);
        }}
      >
        Settings
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Settings" size="lg">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NumberInput
              label="Request timeout (seconds)"
              description="Token and API calls, 1–600"
              min={1}
              max={600}
              allowDecimal={false}
              clampBehavior="none"
              value={draft.timeoutSeconds}
              onChange={(v) => set({ timeoutSeconds: v })}
              error={fieldError('timeoutSeconds')}
            />
            <NumberInput
              label="Renewal lead time (seconds)"
              description="Default for new profiles, 5–3600"
              min={5}
              max={3600}
              allowDecimal={false}
              clampBehavior="none"
              value={draft.renewalLeadSeconds}
              onChange={(v) => set({ renewalLeadSeconds: v })}
              error={fieldError('renewalLeadSeconds')}
            />
            <NumberInput
              label="History retention (days)"
              description="1–3650"
              min={1}
              max={3650}
              allowDecimal={false}
              clampBehavior="none"
              value={draft.historyRetentionDays}
              onChange={(v) => set({ historyRetentionDays: v })}
              error={fieldError('historyRetentionDays')}
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Theme
            </Text>
            <SegmentedControl
              aria-label="Theme"
              value={draft.theme}
              onChange={(v) => set({ theme: v as Theme })}
              data={[
                { value: 'system', label: 'System' },
                { value: 'light', label: 'Light' },
                { value: 'dark', label: 'Dark' },
              ]}
            />
          </Stack>
          <Switch
            label="Keep tokens across restarts"
            description="The access token goes to the OS keychain, its expiry to the data file. Off: tokens live in memory only."
            checked={draft.keepTokens}
            onChange={(e) => set({ keepTokens: e.currentTarget.checked })}
          />
          <Group grow align="flex-start">
            <NumberInput
              label="Memory for responses (MB)"
              description="All kept response bodies together, counted with their indexes, 128–16384"
              min={128}
              max={16384}
              allowDecimal={false}
              clampBehavior="none"
              value={draft.responseMemoryMB}
              onChange={(v) => set({ responseMemoryMB: v })}
              error={fieldError('responseMemoryMB')}
            />
            <NumberInput
              label="In memory up to (MB per response)"
              description="Larger bodies are kept in a temporary file in the data dir, 1–1024"
              min={1}
              max={1024}
              allowDecimal={false}
              clampBehavior="none"
              value={draft.responseSpillMB}
              onChange={(v) => set({ responseSpillMB: v })}
              error={fieldError('responseSpillMB')}
            />
          </Group>
          <Divider label="Network" labelPosition="left" />
          <Select
            label="Proxy"
            allowDeselect={false}
            value={draft.proxyMode}
            onChange={(v) => set({ proxyMode: (v ?? 'none') as ProxyMode })}
            data={[
              { value: 'none', label: 'No proxy' },
              {
                value: 'environment',
                label: 'From the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)',
              },
              { value: 'url', label: 'This proxy URL' },
            ]}
          />
          {draft.proxyMode === 'url' && (
            <Stack gap="xs">
              <TextInput
                label="Proxy URL"
                placeholder="http://proxy.example.com:3128"
                value={draft.proxyUrl}
                onChange={(e) => set({ proxyUrl: e.currentTarget.value })}
                error={fieldError('network.proxyUrl')}
              />
              <Group grow align="flex-start">
                <TextInput
                  label="Proxy user name"
                  value={draft.proxyUsername}
                  onChange={(e) => set({ proxyUsername: e.currentTarget.value })}
                  autoComplete="off"
                />
                <PasswordInput
                  label="Proxy password"
                  description={
                    settings.network.proxyPasswordSaved
                      ? 'Saved in the keychain — type to replace'
                      : 'Kept in the keychain, never in the data file'
                  }
                  value={draft.proxyPassword}
                  onChange={(e) => set({ proxyPassword: e.currentTarget.value })}
                  autoComplete="off"
                />
              </Group>
              {settings.network.proxyPasswordSaved && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  w="fit-content"
                  onClick={() => void save(true)}
                >
                  Remove proxy password
                </Button>
              )}
            </Stack>
          )}
          <TextInput
            label="Extra CA certificates (PEM file)"
            description="Your company's CA, for a proxy or server that presents its own certificates; checked when saved"
            placeholder="/etc/ssl/company-ca.pem"
            value={draft.caFile}
            onChange={(e) => set({ caFile: e.currentTarget.value })}
            error={fieldError('network.caFile')}
          />
          <Switch
            label="Verify TLS certificates"
            description="Leave on. Off only for a test server with a self-signed certificate; every call then shows a warning."
            color={draft.tlsVerify ? undefined : 'red'}
            checked={draft.tlsVerify}
            onChange={(e) => set({ tlsVerify: e.currentTarget.checked })}
          />
          {error &&
            ![
              'timeoutSeconds',
              'renewalLeadSeconds',
              'historyRetentionDays',
              'responseMemoryMB',
              'responseSpillMB',
              'network.proxyUrl',
              'network.caFile',
            ].includes(error.field ?? '') && (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={busy}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
