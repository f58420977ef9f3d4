import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { endpointNotYetText, endpointSourceText } from '../../shared/endpoint-source';
import { memo, useMemo } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { TokenResult } from '../../shared/results';
import { tokenPanelView } from '../../shared/token-panel-view';
import { AuthorizationAttempt } from '../authorization-attempt';
import { CopyAsCurl } from '../copy-as-curl';
import { DeviceAttempt } from '../device-attempt';
import { DiagnosisPanel } from '../diagnosis-panel';
import { EarlierToken, LastAttemptFailure } from '../earlier-token';
import { FailureAlert } from '../failure-alert';
import { useLiveMemory, type ProfileMemory } from '../profile-memory';
import { TokenFacts, TokenValue } from '../token-details';
import { useTokenState } from '../use-token-state';
import { WireSection } from '../wire-section';
import { mono } from '../theme';
import { useAfterPaint } from '../shell/use-after-paint';

/** What explains a call: the findings and the curl of it (rendered after the token itself). */
const LateFindings = memo(function LateFindings({ result }: { result: TokenResult | null }) {
  return (
    <>
      <DiagnosisPanel findings={result?.diagnosis} failure={result?.failure} />
      {result?.callId && <CopyAsCurl callId={result.callId} />}
    </>
  );
});

const LateEarlier = memo(EarlierToken);
const LateWire = memo(WireSection);

/** Where the token call goes and why there: the same for most tokens, so memoized. */
const PaneHeader = memo(function PaneHeader({ url, source }: { url: string; source: string }) {
  return (
    <div>
      <Title order={3} fz="md">
        Token
      </Title>
      <Text size="xs" c="dimmed" style={{ ...mono, wordBreak: 'break-all' }}>
        POST {url}
      </Text>
      <Text size="xs" c="dimmed" aria-label="Token endpoint source">
        {source}
      </Text>
    </div>
  );
});

/**
 * The token's detail in the profile tab: the sign-in, the failure, the token, the wire. The token
 * is the one main pushes (the same the token bar shows); this tab's own last call adds the wire.
 * The token's value and a failure render at once; what explains them (findings, claims,
 * signature, the wire) is rendered after that has been painted (useAfterPaint), from copies of
 * the same state, so the long part never holds back the frame that shows a new token.
 */
export function TokenDetailPane(props: {
  profile: ProfileView;
  memory: ProfileMemory;
  onSignInAgain: () => void;
}) {
  const { profile, onSignInAgain } = props;
  // The live entry: token calls re-render this pane, not the workspace (see profile-memory.ts).
  const memory = useLiveMemory(profile.id) ?? props.memory;
  const result = memory.token ?? null;
  const pushed = useTokenState(profile.id);
  const resultAt = memory.tokenAt ?? 0;
  const view = tokenPanelView(result, pushed, resultAt);
  const lateResult = useAfterPaint(result);
  const latePushed = useAfterPaint(pushed);
  const lateAt = useAfterPaint(resultAt);
  const late = useMemo(
    () => tokenPanelView(lateResult, latePushed, lateAt),
    [lateResult, latePushed, lateAt],
  );
  const busy = Boolean(memory.tokenBusy);
  const refreshFailed =
    profile.grantType !== 'client_credentials' &&
    (result?.failure?.error === 'invalid_grant' || result?.failure?.title === 'No refresh token');
  return (
    <Stack gap="sm" component="section" aria-label="Token" p="md">
      <PaneHeader
        url={
          view.endpoint?.url ??
          profile.effectiveTokenUrl ??
          '(no token URL yet: set Team and Cluster)'
        }
        source={view.endpoint ? endpointSourceText[view.endpoint.source] : endpointNotYetText}
      />
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
      <LateFindings result={lateResult} />
      {refreshFailed && (
        <Button variant="light" onClick={onSignInAgain} disabled={busy}>
          Sign in again
        </Button>
      )}
      {view.issued && <TokenValue token={view.issued} />}
      {view.issued && late.issued && <TokenFacts token={late.issued} />}
      {view.earlier && late.earlier && (
        <LateEarlier token={late.earlier} failed={late.failedAfterToken} />
      )}
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
      {lateResult && (lateResult.request || lateResult.response) && (
        <LateWire result={lateResult} />
      )}
      {view.issued && !result?.request && (
        <Text size="xs" c="dimmed">
          This token was requested earlier; press Get token to see a token exchange on the wire.
        </Text>
      )}
    </Stack>
  );
}
