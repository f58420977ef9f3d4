import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { JwtCheck } from '../../shared/client-check/jwt-check';
import { looksLikeJwt } from '../../shared/client-check/jwt-check';
import { newRequestId } from '../request-draft';
import { workbench } from '../workbench-api';

/**
 * "Signature verified with key <kid> of <issuer>" or "Not verified: <reason>", on request: main
 * fetches the discovered jwks_uri and verifies the token with jose. Opaque tokens show nothing.
 */
export function JwtSignatureLine({
  profileId,
  accessToken,
}: {
  profileId: string;
  accessToken: string;
}) {
  const [check, setCheck] = useState<{ token: string; result: JwtCheck | null } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!looksLikeJwt(accessToken)) return null;
  const current = check?.token === accessToken ? check.result : undefined;

  async function verify() {
    setBusy(true);
    try {
      const result = await workbench.verifyTokenSignature({ profileId, requestId: newRequestId() });
      setCheck({ token: accessToken, result });
    } catch (err) {
      setCheck({
        token: accessToken,
        result: {
          status: 'not-verified',
          line: `Not verified: ${err instanceof Error ? err.message : String(err)}`,
          kid: null,
          issuer: null,
          checks: [],
        },
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="xs" wrap="nowrap">
      {current ? (
        <Text size="xs" c={current.status === 'verified' ? 'teal.8' : 'orange.8'} role="status">
          {current.line}
        </Text>
      ) : (
        <Button size="compact-xs" variant="subtle" loading={busy} onClick={() => void verify()}>
          Verify signature
        </Button>
      )}
    </Group>
  );
}
