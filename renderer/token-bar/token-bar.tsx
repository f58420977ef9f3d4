import { Badge, Group, Loader, Paper, Text, Tooltip } from '@mantine/core';
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import { tokenBarView } from '../../shared/token-bar-state';
import { afterNextPaint } from '../after-paint';
import { useLiveMemory, type MemoryPatch, type ProfileMemory } from '../profile-memory';
import { saveInFlight } from '../profile-tab/use-profile-save';
import { RenewalStatus } from '../renewal-status';
import { useTokenState } from '../use-token-state';
import { BarActions, type BarHandlers } from './bar-actions';
import { BarCountdown } from './bar-countdown';
import {
  cancelToken,
  getToken,
  refreshToken,
  tokenCallInFlight,
  type TokenDraft,
} from './token-actions';
import { UnsavedTokenDialog } from './unsaved-token-dialog';

/** Fired by the shell for Ctrl/Cmd+Shift+G; the token bar of the tab on screen answers it. */
export const GET_TOKEN_EVENT = 'workbench:get-token';

interface TokenBarProps {
  profile: ProfileView;
  memory: ProfileMemory;
  patch: MemoryPatch;
  /** The profile form has unsaved edits. */
  dirty: boolean;
  /** Saves the profile's edits; false when that failed (the form says why). */
  saveProfile: () => Promise<boolean>;
  /** The edits as a one-off draft for "Get token without saving". */
  draft: TokenDraft | null;
}

/** The bar's label: one element, so that React never renders it again. */
const label = (
  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
    Token
  </Text>
);

/** State, Get token, Refresh, copy and renewal for one profile: on top of every tab of it. */
export function TokenBar(props: TokenBarProps) {
  const { profile, patch, dirty, saveProfile, draft } = props;
  // The live entry: a token call's state shows here before the rest of the tab re-renders.
  const memory = useLiveMemory(profile.id) ?? props.memory;
  const pushed = useTokenState(profile.id);
  const view = tokenBarView(pushed, memory.token, memory.tokenAt ?? 0);
  const state = useRef<HTMLDivElement>(null);
  const [asking, setAsking] = useState(false);
  // Main pushes the call's outcome before the call's own answer arrives: the bar shows it then.
  const sentAt = memory.tokenBusyAt;
  const pushedOutcome = sentAt !== undefined && (pushed?.lastAttempt?.at ?? 0) >= sentAt;
  const busy = Boolean(memory.tokenBusy) && !pushedOutcome;
  const token = view.kind === 'valid' ? view.token : view.kind === 'failed' ? view.earlier : null;

  async function run(work: () => Promise<unknown>) {
    await work();
    // After the answer, focus goes to what it says: the state or the finding. Once the answer
    // is painted: focusing first would make the browser lay out the page before React renders.
    afterNextPaint(() => state.current?.focus());
  }
  function onGetToken() {
    if (memory.tokenBusy || tokenCallInFlight(profile.id)) return;
    // Save pressed a moment ago and still running: the edits are being saved, so the token
    // follows that save (nothing to ask), or does not come if the save fails (the form says why).
    const saving = saveInFlight(profile.id);
    if (dirty && saving) {
      void run(async () => {
        if (await saving) await getToken(profile, patch);
      });
    } else if (dirty) setAsking(true);
    else void run(() => getToken(profile, patch));
  }
  const onShortcut = useEffectEvent(() => onGetToken());
  // One stable handlers object for the memoized buttons; each call reads this render's values.
  const latest = useRef({ onGetToken, run, token, busyId: memory.tokenBusy, profile, patch });
  useLayoutEffect(() => {
    latest.current = { onGetToken, run, token, busyId: memory.tokenBusy, profile, patch };
  });
  const handlers = useMemo<BarHandlers>(() => {
    const now = () => latest.current;
    const accessToken = () => now().token?.accessToken ?? '';
    return {
      getToken: () => now().onGetToken(),
      refresh: () => void now().run(() => refreshToken(now().profile, now().patch)),
      cancel: () => cancelToken(now().busyId, now().patch),
      accessToken,
      authorizationHeader: () => `Authorization: Bearer ${accessToken()}`,
    };
  }, []);
  useEffect(() => {
    const listener = () => onShortcut();
    window.addEventListener(GET_TOKEN_EVENT, listener);
    return () => window.removeEventListener(GET_TOKEN_EVENT, listener);
  }, []);

  const canRefresh = profile.grantType !== 'client_credentials';
  const draftUsable = profile.grantType === 'client_credentials' && draft !== null;

  return (
    <Paper component="section" aria-label="Token bar" withBorder radius={0} px="md" py={6}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          {label}
          <div
            ref={state}
            tabIndex={-1}
            role="group"
            aria-label="Token state"
            data-received-at={token && !busy ? token.receivedAt : undefined}
            style={{ minWidth: 0, display: 'flex', gap: 8, alignItems: 'center', outlineOffset: 2 }}
          >
            {busy ? (
              <Group gap={6} wrap="nowrap">
                <Loader size="xs" />
                <Text size="sm">
                  {memory.attempt ? 'Waiting for the sign-in…' : 'Requesting a token…'}
                </Text>
              </Group>
            ) : view.kind === 'failed' ? (
              <Tooltip label={`${view.title}: ${view.finding}`} multiline w={420} openDelay={300}>
                <Text size="sm" c="red.8" fw={600} truncate style={{ minWidth: 0 }}>
                  ✖ {view.title}
                  {view.finding ? ` — ${view.finding}` : ''}
                </Text>
              </Tooltip>
            ) : view.kind === 'none' ? (
              <Text size="sm">No token</Text>
            ) : null}
            {token && !busy && (
              <BarCountdown
                receivedAt={token.receivedAt}
                expiresIn={token.expiresIn}
                earlier={view.kind === 'failed'}
              />
            )}
            {view.kind === 'valid' && memory.tokenFromDraft && (
              <Badge color="yellow" variant="light" tt="none">
                from unsaved edits
              </Badge>
            )}
          </div>
          <RenewalStatus renewal={token?.renewal} />
        </Group>
        <BarActions
          busy={busy}
          canRefresh={canRefresh}
          refreshDisabled={Boolean(memory.tokenBusy) || !token?.refreshAvailable}
          hasToken={token !== null}
          handlers={handlers}
        />
      </Group>
      {memory.tokenError && (
        <Text size="xs" c="red.8" role="alert" truncate>
          {memory.tokenError}
        </Text>
      )}
      {/* Mounted only while asked: a closed modal still costs a render on every token event. */}
      {asking && (
        <UnsavedTokenDialog
          opened
          draftUsable={draftUsable}
          onClose={() => setAsking(false)}
          onSaveAndGet={() => {
            setAsking(false);
            void run(async () => {
              if (await saveProfile()) await getToken(profile, patch);
            });
          }}
          onGetWithoutSaving={() => {
            setAsking(false);
            void run(() => getToken(profile, patch, draftUsable && draft ? draft : undefined));
          }}
        />
      )}
    </Paper>
  );
}
