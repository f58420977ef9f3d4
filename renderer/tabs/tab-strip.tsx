import { ActionIcon, Box, Group } from '@mantine/core';
import { memo } from 'react';
import { tabKey, type TabRef } from '../../shared/workspace-tabs';

export interface TabInfo {
  ref: TabRef;
  title: string;
  dirty: boolean;
  sandbox: boolean;
}

/** The open tabs: a dot for unsaved changes, a close button each. */
export const TabStrip = memo(function TabStrip({
  tabs,
  active,
  onActivate,
  onClose,
}: {
  tabs: TabInfo[];
  active: string | null;
  onActivate: (key: string) => void;
  onClose: (key: string) => void;
}) {
  if (tabs.length === 0) return null;
  return (
    <Box
      component="nav"
      aria-label="Open tabs"
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        overflowX: 'auto',
        flexShrink: 0,
      }}
    >
      <Group gap={0} wrap="nowrap" role="list" aria-label="Tabs">
        {tabs.map((t) => {
          const key = tabKey(t.ref);
          const on = key === active;
          return (
            <Group
              key={key}
              role="listitem"
              gap={0}
              wrap="nowrap"
              style={{
                borderRight: '1px solid var(--mantine-color-default-border)',
                borderBottom: on
                  ? '2px solid var(--mantine-primary-color-filled)'
                  : '2px solid transparent',
                background: on ? 'var(--mantine-color-body)' : 'var(--mantine-color-default-hover)',
                maxWidth: 240,
              }}
            >
              <button
                type="button"
                data-tab={key}
                aria-current={on ? 'page' : undefined}
                aria-label={t.dirty ? `${t.title} (unsaved changes)` : t.title}
                onClick={() => onActivate(key)}
                style={{
                  border: 0,
                  background: 'none',
                  color: 'inherit',
                  font: 'inherit',
                  fontSize: 'var(--mantine-font-size-sm)',
                  fontWeight: on ? 600 : 400,
                  padding: '6px 4px 6px 10px',
                  cursor: 'pointer',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  minWidth: 0,
                }}
                title={t.title}
              >
                {t.dirty && (
                  <span
                    aria-hidden="true"
                    style={{ color: 'var(--mantine-color-yellow-8)', marginRight: 4 }}
                  >
                    ●
                  </span>
                )}
                {t.title}
              </button>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                mr={4}
                aria-label={`Close ${t.title}`}
                onClick={() => onClose(key)}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
      </Group>
    </Box>
  );
});
