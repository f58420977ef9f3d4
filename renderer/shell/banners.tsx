import { CloseButton, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo } from '../../shared/results';

interface Banner {
  id: string;
  tone: 'warn' | 'danger';
  /** `alert` for what went wrong (a repaired file, TLS off); `status` for a standing condition. */
  role: 'alert' | 'status';
  title: string;
  text: string;
}

const KEY = 'token-workbench.dismissed-banners';

function dismissedNow(): Set<string> {
  try {
    return new Set(JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function bannersOf(info: AppInfo): Banner[] {
  const out: Banner[] = [];
  if (info.secretStorage === 'memory') {
    out.push({
      id: 'memory-secrets',
      tone: 'warn',
      role: 'status',
      title: 'Secrets are not saved',
      text: `No keychain answered: secrets are kept in memory for this run only and must be re-entered after restart.${info.keychainProblem ? ` (${info.keychainProblem})` : ''}`,
    });
  }
  for (const [i, n] of (info.storeNotices ?? []).entries()) {
    out.push({
      id: `store-${i}`,
      tone: 'warn',
      role: 'alert',
      title: 'The data file was repaired',
      text: n,
    });
  }
  if (!info.settings.network.tlsVerify) {
    out.push({
      id: 'tls-off',
      tone: 'danger',
      role: 'alert',
      title: 'TLS verification is off',
      text: 'Certificates are not checked on any HTTPS call: token requests, API calls, discovery and probes. Switch it on again under Settings > Network.',
    });
  }
  return out;
}

const tones = {
  warn: { bg: 'var(--mantine-color-yellow-light)', fg: 'var(--mantine-color-text)' },
  danger: { bg: 'var(--mantine-color-red-filled)', fg: 'var(--mantine-color-white)' },
};

/**
 * Messages that stay until their cause is gone, one line each (the full text on hover and
 * focus), each dismissible for this session.
 */
export function Banners({ info }: { info: AppInfo }) {
  const [dismissed, setDismissed] = useState(dismissedNow);
  const shown = bannersOf(info).filter((b) => !dismissed.has(b.id));
  if (shown.length === 0) return null;
  function dismiss(id: string) {
    const next = new Set(dismissed).add(id);
    setDismissed(next);
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify([...next]));
    } catch {
      // storage blocked: dismissed until reload only
    }
  }
  return (
    <div>
      {shown.map((b) => (
        <Group
          key={b.id}
          role={b.role}
          gap="xs"
          wrap="nowrap"
          px="md"
          h={28}
          style={{ background: tones[b.tone].bg, color: tones[b.tone].fg }}
        >
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
            {b.title}
          </Text>
          <Tooltip
            label={b.text}
            multiline
            w={520}
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text size="sm" truncate style={{ flex: 1, minWidth: 0 }} tabIndex={0}>
              {b.text}
            </Text>
          </Tooltip>
          <CloseButton
            size="sm"
            aria-label={`Dismiss “${b.title}” for this session`}
            onClick={() => dismiss(b.id)}
            style={{ color: 'inherit' }}
          />
        </Group>
      ))}
    </div>
  );
}
