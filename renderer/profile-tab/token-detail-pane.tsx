import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { endpointNotYetText, endpointSourceText } from '../../shared/endpoint-source';
import type { ProfileView } from '../../shared/profile';
import { tokenPanelView } from '../../shared/token-panel-view';
import { AuthorizationAttempt } from '../authorization-attempt';
import { CopyAsCurl } from '../copy-as-curl';
import { DeviceAttempt } from '../device-attempt';
import { DiagnosisPanel } from '../diagnosis-panel';
import { EarlierToken, LastAttemptFailure } from '../earlier-token';
import { FailureAlert } from '../failure-alert';
import type { ProfileMemory } from '../profile-memory';
import { TokenDetails } from '../token-details';
import { useTokenState } from '../use-token-state';
import { WireSection } from '../wire-section';
import { mono } from '../theme';

/**
 * The token's detail in the profile tab: the sign-in, the failure, the token, the wire. The token
 * is the one main pushes (the same the token bar shows); this tab's own last call adds the wire.
 */
export function TokenDetailPane({
  profile,
  memory,
  onSignInAgain,
}: {
  profile: ProfileView;
  memory: ProfileMemory;
  onSignInAgain: () => void;
}) {
  const result = memory.token ?? null;
  const pushed = useTokenState(profile.id);
  const view = tokenPanelView(result, pushed);
  const busy = Boolean(memory.tokenBusy);
  const refreshFailed =
    profile.grantType !== 'client_credentials' &&
    (result?.failure?.error === 'invalid_grant' || result?.failure?.title === 'No refresh token');
  return (
    <Stack gap="sm" component="section" aria-label="Token" p="md">
      <div>
        <Title order={3} fz="md">
          Token
        </Title>
        <Text size="xs" c="dimmed" style={{ ...mono, wordBreak: 'break-all' }}>
          POST{' '}
          {view.endpoint?.url ??
            profile.effectiveTokenUrl ??
            '(no token URL yet: set Team and Cluster)'}
        </Text>
        <Text size="xs" c="dimmed" aria-label="Token endpoint source">
          {view.endpoint ? endpointSourceText[view.endpoint.source] : endpointNotYetText}
        </Text>
      </div>
      {!profile.hasSecret && !profile.sandbox && profile.authMethod !== 'none' && (
        <Text size="xs" c="orange.9">
          No client secret is saved for this profile: the token endpoint will most likely answer
          invalid_client.
        </Text>
      )}
      {memory.attempt?.kind === 'code' && <AuthorizationAttempt start={memory.attempt.start} />}
      {memory.attempt?.kind === 'device' && <DeviceAttempt start={memory.attempt.start} />}
      {memory.tokenFromDraft && result?.request && (
        <Alert color="yellow" variant="light" p="xs" title="Sent with unsaved edits">
          This token request used the form&apos;s unsaved edits for this one request; the saved
          profile and its secret are unchanged.
        </Alert>
      )}
      {result?.failure && <FailureAlert failure={result.failure} findings={result.diagnosis} />}
      {view.laterFailure && <LastAttemptFailure attempt={view.laterFailure} />}
      <DiagnosisPanel findings={result?.diagnosis} failure={result?.failure} />
      {result?.callId && <CopyAsCurl callId={result.callId} />}
      {refreshFailed && (
        <Button variant="light" onClick={onSignInAgain} disabled={busy}>
          Sign in again
        </Button>
      )}
      {view.issued && <TokenDetails token={view.issued} />}
      {view.earlier && <EarlierToken token={view.earlier} failed={view.failedAfterToken} />}
      {!view.current && result && !result.failure && (
        <Text size="sm" c="dimmed">
          No token.
        </Text>
      )}
      {!view.current && !result && !busy && (
        <Text size="sm" c="dimmed">
          No token yet. Press Get token to request one with this profile.
        </Text>
      )}
      {result && (result.request || result.response) && <WireSection result={result} />}
      {view.issued && !result?.request && (
        <Text size="xs" c="dimmed">
          This token was requested earlier; press Get token to see a token exchange on the wire.
        </Text>
      )}
    </Stack>
  );
}
