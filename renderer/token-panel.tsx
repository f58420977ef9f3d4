import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { memo, useState } from 'react';
import type { AuthorizationStart, DeviceStart } from '../shared/grant-results';
import type { ProfileView } from '../shared/profile';
import type { TokenResult } from '../shared/results';
import { AuthorizationAttempt } from './authorization-attempt';
import { CallErrorAlert } from './call-error-alert';
import { DeviceAttempt } from './device-attempt';
import { CopyAsCurl } from './copy-as-curl';
import { DiagnosisPanel } from './diagnosis-panel';
import { FailureAlert } from './failure-alert';
import { newRequestId } from './request-draft';
import { mono } from './theme';
import { TokenDetails } from './token-details';
import { WireSection } from './wire-section';
import { workbench } from './workbench-api';
import { useTokenState } from './use-token-state';
import { EarlierToken, LastAttemptFailure } from './earlier-token';
import { tokenPanelView } from '../shared/token-panel-view';

const endpointSourceText = {
  profile: 'Token endpoint from the profile (Token URL)',
  discovery: "Token endpoint from the server's discovery document",
  conventional: 'Token endpoint by convention (<base>/oauth2/token): discovery announced none',
} as const;

export type TokenUpdate = (update: (prev: TokenResult | null) => TokenResult | null) => void;

interface TokenPanelProps {
  profile: ProfileView;
  result: TokenResult | null;
  onResult: TokenUpdate;
  /** Saves unsaved profile edits first; false when that failed (the form shows why). */
  beforeRequest: () => Promise<boolean>;
  dirty: boolean;
}

type Attempt = { kind: 'code'; start: AuthorizationStart } | { kind: 'device'; start: DeviceStart };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Get token (whichever grant the profile uses), Refresh, cancel, and what came back. */
export const TokenPanel = memo(function TokenPanel({
  profile,
  result,
  onResult,
  beforeRequest,
  dirty,
}: TokenPanelProps) {
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [callError, setCallError] = useState<string | null>(null);
  // Main pushes the current token and the last attempt; nothing is polled.
  const pushed = useTokenState(profile.id);
  const view = tokenPanelView(result, pushed);

  async function run(work: (requestId: string) => Promise<TokenResult>, what: string) {
    const requestId = newRequestId();
    setInFlight(requestId);
    try {
      const next = await work(requestId);
      onResult(() => next);
    } catch (error) {
      setCallError(`${what} failed: ${messageOf(error)}`);
    } finally {
      setInFlight((current) => (current === requestId ? null : current));
    }
  }

  async function signIn() {
    const startId = newRequestId();
    setInFlight(startId);
    try {
      const start = await workbench.startAuthorization({
        profileId: profile.id,
        requestId: startId,
      });
      setAttempt({ kind: 'code', start });
      // The browser host cannot reach the system browser: the page opens the tab itself.
      if (!start.openedExternally) window.open(start.authorizationUrl, '_blank', 'noopener');
      await run(
        (requestId) => workbench.completeAuthorization({ attemptId: start.attemptId, requestId }),
        'Sign-in',
      );
    } catch (error) {
      setCallError(`Sign-in failed: ${messageOf(error)}`);
    } finally {
      setAttempt(null);
      setInFlight((current) => (current === startId ? null : current));
    }
  }

  async function deviceSignIn() {
    const startId = newRequestId();
    setInFlight(startId);
    try {
      const start = await workbench.startDeviceAuthorization({
        profileId: profile.id,
        requestId: startId,
      });
      setAttempt({ kind: 'device', start });
      await run(
        (requestId) => workbench.pollDeviceAuthorization({ attemptId: start.attemptId, requestId }),
        'Device sign-in',
      );
    } catch (error) {
      setCallError(`Device sign-in failed: ${messageOf(error)}`);
    } finally {
      setAttempt(null);
      setInFlight((current) => (current === startId ? null : current));
    }
  }

  async function getToken() {
    setCallError(null);
    if (!(await beforeRequest())) {
      setCallError(
        'Get token: the profile has unsaved changes that could not be saved (see the form).',
      );
      return;
    }
    if (profile.grantType === 'authorization_code') return signIn();
    if (profile.grantType === 'device_code') return deviceSignIn();
    return run(
      (requestId) => workbench.getToken({ profileId: profile.id, requestId }),
      'Get token',
    );
  }

  async function refresh() {
    setCallError(null);
    await run(
      (requestId) => workbench.refreshToken({ profileId: profile.id, requestId }),
      'Refresh',
    );
  }

  function cancel() {
    if (!inFlight) return;
    workbench.cancelRequest({ requestId: inFlight }).catch((error: unknown) => {
      setCallError(`Cancel failed: ${messageOf(error)}`);
    });
  }

  const canRefresh = profile.grantType !== 'client_credentials';
  const refreshFailed =
    canRefresh &&
    (result?.failure?.error === 'invalid_grant' || result?.failure?.title === 'No refresh token');

  return (
    <Card withBorder padding="lg" component="section" aria-label="Token">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>Token</Title>
            <Text size="xs" c="dimmed" style={{ ...mono, wordBreak: 'break-all' }}>
              POST{' '}
              {view.endpoint?.url ??
                profile.effectiveTokenUrl ??
                '(no token URL yet: set Team and Cluster)'}
            </Text>
            <Text size="xs" c="dimmed" aria-label="Token endpoint source">
              {view.endpoint
                ? endpointSourceText[view.endpoint.source]
                : 'Token endpoint: resolved at the first request (Token URL, else discovery, else /oauth2/token)'}
            </Text>
          </div>
          <Group gap="xs">
            {inFlight && (
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
            )}
            {canRefresh && (
              <Button
                variant="default"
                onClick={() => void refresh()}
                disabled={inFlight !== null || !view.current?.refreshAvailable}
              >
                Refresh
              </Button>
            )}
            <Button onClick={() => void getToken()} loading={inFlight !== null}>
              Get token
            </Button>
          </Group>
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed">
            The profile has unsaved changes: they are saved before the token request.
          </Text>
        )}
        {!profile.hasSecret && !profile.sandbox && profile.authMethod !== 'none' && (
          <Text size="xs" c="orange">
            No client secret is saved for this profile: the token endpoint will most likely answer
            invalid_client.
          </Text>
        )}
        {attempt?.kind === 'code' && <AuthorizationAttempt start={attempt.start} />}
        {attempt?.kind === 'device' && <DeviceAttempt start={attempt.start} />}
        {callError && <CallErrorAlert title="Token request" message={callError} />}
        {result?.failure && <FailureAlert failure={result.failure} findings={result.diagnosis} />}
        <DiagnosisPanel findings={result?.diagnosis} failure={result?.failure} />
        {view.laterFailure && <LastAttemptFailure attempt={view.laterFailure} />}
        {result?.callId && <CopyAsCurl callId={result.callId} />}
        {refreshFailed && (
          <Button variant="light" onClick={() => void getToken()} disabled={inFlight !== null}>
            Sign in again
          </Button>
        )}
        {view.issued && <TokenDetails token={view.issued} />}
        {view.earlier && <EarlierToken token={view.earlier} failed={view.failedAfterToken} />}
        {result && !result.token && !result.failure && (
          <Text size="sm" c="dimmed">
            No token.
          </Text>
        )}
        {!result && !view.current && !inFlight && (
          <Text size="sm" c="dimmed">
            No token yet. Press Get token to request one with this profile.
          </Text>
        )}
        {result && (result.request || result.response) && <WireSection result={result} />}
      </Stack>
    </Card>
  );
});
