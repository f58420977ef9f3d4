import { Button, Group } from '@mantine/core';
import { memo } from 'react';
import { CopyButton } from '../copy-button';

/** What the bar's buttons do; one stable object per bar (see useBarActions). */
export interface BarHandlers {
  getToken: () => void;
  refresh: () => void;
  cancel: () => void;
  /** The token on screen now, and its header, read when a copy button is pressed. */
  accessToken: () => string;
  authorizationHeader: () => string;
}

interface BarActionsProps {
  busy: boolean;
  canRefresh: boolean;
  refreshDisabled: boolean;
  /** A token (current or earlier) is on screen: the copy buttons show. */
  hasToken: boolean;
  handlers: BarHandlers;
}

/**
 * Cancel, Get token, Refresh and the copy buttons. Memoized on what they show, and the copy
 * buttons read the token when pressed, so a pushed token whose buttons look the same renders
 * none of them again (it renders the state beside them, in the same frame).
 */
export const BarActions = memo(function BarActions(props: BarActionsProps) {
  const { busy, canRefresh, refreshDisabled, hasToken, handlers } = props;
  return (
    <Group gap={6} wrap="nowrap">
      {busy && (
        <Button size="xs" variant="default" onClick={handlers.cancel}>
          Cancel
        </Button>
      )}
      <Button
        size="xs"
        onClick={handlers.getToken}
        loading={busy}
        aria-keyshortcuts="Control+Shift+G"
      >
        Get token
      </Button>
      {canRefresh && (
        <Button size="xs" variant="default" onClick={handlers.refresh} disabled={refreshDisabled}>
          Refresh
        </Button>
      )}
      {hasToken && (
        <>
          <CopyButton label="Copy token" value={handlers.accessToken} />
          <CopyButton label="Copy Authorization header" value={handlers.authorizationHeader} />
        </>
      )}
    </Group>
  );
});
