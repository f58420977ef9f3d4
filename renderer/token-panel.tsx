import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import type { ProfileView } from '../shared/profile';
import type { TokenResult } from '../shared/results';
import { CallErrorAlert } from './call-error-alert';
import { FailureAlert } from './failure-alert';
import { newRequestId } from './request-draft';
import { mono } from './theme';
import { TokenDetails } from './token-details';
import { WireSection } from './wire-section';
import { workbench } from './workbench-api';

export type TokenUpdate = (update: (prev: TokenResult | null) => TokenResult | null) => void;

interface TokenPanelProps {
  profile: ProfileView;
  result: TokenResult | null;
  onResult: TokenUpdate;
  /** Saves unsaved profile edits first; false when that failed (the form shows why). */
  beforeRequest: () => Promise<boolean>;
  dirty: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Get token, cancel it, and show what came back. */
export const TokenPanel = memo(function TokenPanel({
  profile,
  result,
  onResult,
  beforeRequest,
  dirty,
}: TokenPanelProps) {
  const [inFlight, setInFlight] = useState<string | null>(null);
  const [callError, setCallError] = useState<string | null>(null);

  // The current token lives in main: load it whenever this profile is shown or saved.
  useEffect(() => {
    let active = true;
    const asked = Date.now();
    workbench.getCurrentToken({ profileId: profile.id }).then(
      (token) => {
        if (!active) return;
        onResult((prev) => {
          // A token that arrived after this question was asked is newer than the answer.
          if (token === null) return prev?.token && prev.token.receivedAt < asked ? null : prev;
          if (prev?.token?.accessToken === token.accessToken) return prev;
          return { request: null, response: null, token, failure: null };
        });
      },
      (error: unknown) => {
        if (active) setCallError(`Loading the current token failed: ${messageOf(error)}`);
      },
    );
    return () => {
      active = false;
    };
  }, [profile.id, profile.updatedAt, onResult]);

  async function getToken() {
    setCallError(null);
    if (!(await beforeRequest())) {
      setCallError(
        'Get token: the profile has unsaved changes that could not be saved (see the form).',
      );
      return;
    }
    const requestId = newRequestId();
    setInFlight(requestId);
    try {
      const next = await workbench.getToken({ profileId: profile.id, requestId });
      onResult(() => next);
    } catch (error) {
      setCallError(`Get token failed: ${messageOf(error)}`);
    } finally {
      setInFlight((current) => (current === requestId ? null : current));
    }
  }

  function cancel() {
    if (!inFlight) return;
    workbench.cancelRequest({ requestId: inFlight }).catch((error: unknown) => {
      setCallError(`Cancel failed: ${messageOf(error)}`);
    });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-label="Token">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>Token</Title>
            <Text size="xs" c="dimmed" style={{ ...mono, wordBreak: 'break-all' }}>
              POST {profile.effectiveTokenUrl ?? '(no token URL yet: set Team and Cluster)'}
            </Text>
          </div>
          <Group gap="xs">
            {inFlight && (
              <Button variant="default" onClick={cancel}>
                Cancel
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
        {!profile.hasSecret && !profile.sandbox && (
          <Text size="xs" c="orange">
            No client secret is saved for this profile: the token endpoint will most likely answer
            invalid_client.
          </Text>
        )}
        {callError && <CallErrorAlert title="Token request" message={callError} />}
        {result?.failure && <FailureAlert failure={result.failure} />}
        {result?.token && <TokenDetails token={result.token} />}
        {result && !result.token && !result.failure && (
          <Text size="sm" c="dimmed">
            No token.
          </Text>
        )}
        {!result && !inFlight && (
          <Text size="sm" c="dimmed">
            No token yet. Press Get token to request one with this profile.
          </Text>
        )}
        {result && (result.request || result.response) && <WireSection result={result} />}
        {result?.token && !result.request && (
          <Text size="xs" c="dimmed">
            This token was requested earlier; press Get token to see a token exchange on the wire.
          </Text>
        )}
      </Stack>
    </Card>
  );
});
