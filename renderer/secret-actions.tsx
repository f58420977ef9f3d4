import { Alert, Button, Code, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ProfileView } from '../shared/profile';
import type { TokenResult } from '../shared/results';
import { copyText } from './clipboard';
import { FailureAlert } from './failure-alert';
import { useSensitive } from './presentation';
import { newRequestId } from './request-draft';
import { mono } from './theme';
import { workbench } from './workbench-api';

const REVEAL_MS = 30_000;

/** Reveal (hides itself after 30 s), copy, and "Secret regenerated" for a saved client secret. */
export function SecretActions({
  profile,
  onReplaced,
}: {
  profile: ProfileView;
  onReplaced: () => void;
}) {
  const show = useSensitive();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [regenerating, setRegenerating] = useState(false);

  useEffect(() => {
    if (revealed === null) return;
    const timer = window.setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => window.clearTimeout(timer);
  }, [revealed]);

  async function fetchSecret(): Promise<string | null> {
    setError(null);
    try {
      const { secret } = await workbench.revealSecret({ profileId: profile.id });
      if (secret === null) setError('No client secret is saved for this profile.');
      return secret;
    } catch (e) {
      setError(`Reading the secret failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  return (
    <Stack gap={4}>
      <Group gap="xs">
        {revealed === null ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => void fetchSecret().then((s) => setRevealed(s))}
          >
            Reveal secret
          </Button>
        ) : (
          <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(null)}>
            Hide secret
          </Button>
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            void fetchSecret().then(async (s) => {
              if (s === null) return;
              setCopyState((await copyText(s)) ? 'Copied' : 'Copy failed');
              window.setTimeout(() => setCopyState(null), 1600);
            })
          }
        >
          {copyState ?? 'Copy secret'}
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => setRegenerating(true)}>
          Secret regenerated
        </Button>
      </Group>
      {revealed !== null && (
        <Text size="sm" style={mono} data-testid="revealed-secret">
          {show('secret', revealed)}{' '}
          <Text span size="xs" c="dimmed">
            (hides again after 30 s)
          </Text>
        </Text>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <RegenerateModal
        profile={profile}
        opened={regenerating}
        onClose={() => setRegenerating(false)}
        onReplaced={onReplaced}
      />
    </Stack>
  );
}

function RegenerateModal({
  profile,
  opened,
  onClose,
  onReplaced,
}: {
  profile: ProfileView;
  opened: boolean;
  onClose: () => void;
  onReplaced: () => void;
}) {
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ replaced: boolean; result: TokenResult } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function test() {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const out = await workbench.regenerateSecret({
        profileId: profile.id,
        requestId: newRequestId(),
        newSecret: secret,
      });
      setOutcome(out);
      if (out.replaced) {
        setSecret('');
        onReplaced();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        setOutcome(null);
        setSecret('');
        onClose();
      }}
      title="Secret regenerated"
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">
          After <b>Regenerate secret</b> under Admin &amp; Settings &gt; Applications, paste the new
          secret. The workbench gets a token with it first and replaces the saved secret only when
          that works; otherwise the old one stays saved.
        </Text>
        <PasswordInput
          label="New client secret"
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
          styles={{ input: mono }}
          error={error}
        />
        {outcome?.replaced && (
          <Alert color="teal" title="New secret saved" role="status">
            A token request with the new secret succeeded; the old secret was replaced and removed.
          </Alert>
        )}
        {outcome && !outcome.replaced && (
          <Stack gap="xs">
            <Alert color="orange" title="The old secret is kept" role="alert">
              The new secret did not get a token, so nothing was replaced.
              {outcome.result.response && (
                <>
                  {' '}
                  The token endpoint answered <Code>{outcome.result.response.status}</Code>.
                </>
              )}
            </Alert>
            {outcome.result.failure && <FailureAlert failure={outcome.result.failure} />}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void test()} loading={busy} disabled={secret === ''}>
            Test and replace
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
