import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { JwtCheck } from '../../shared/client-check/jwt-check';
import { looksLikeJwt } from '../../shared/client-check/jwt-check';
import { newRequestId } from '../request-draft';
import { workbench } from '../workbench-api';

function failed(err: unknown): JwtCheck {
  return {
    status: 'not-verified',
    line: `Not verified: ${err instanceof Error ? err.message : String(err)}`,
    kid: null,
    issuer: null,
    checks: [],
  };
}

/**
 * "Signature verified with key <kid> of <issuer>" or "Not verified: <reason>" for a JWT access
 * token: main fetches the discovered jwks_uri and verifies it with jose. Opaque tokens show nothing.
 */
export function JwtSignatureLine({
  profileId,
  accessToken,
}: {
  profileId: string;
  accessToken: string;
}) {
  const [check, setCheck] = useState<{ token: string; result: JwtCheck | null } | null>(null);
  const jwt = looksLikeJwt(accessToken);

  useEffect(() => {
    if (!jwt) return undefined;
    let stale = false;
    let answered = false;
    const requestId = newRequestId();
    workbench
      .verifyTokenSignature({ profileId, requestId })
      .then(
        (result) => result,
        (err: unknown) => failed(err),
      )
      .then((result) => {
        answered = true;
        if (!stale) setCheck({ token: accessToken, result });
      });
    return () => {
      stale = true;
      // Only a check still running is cancelled: an answered one costs no further call.
      if (!answered) void workbench.cancelRequest({ requestId }).catch(() => undefined);
    };
  }, [profileId, accessToken, jwt]);

  if (!jwt) return null;
  const current = check?.token === accessToken ? check.result : undefined;
  if (current === null) return null;
  return (
    <Text
      size="xs"
      c={current ? (current.status === 'verified' ? 'teal' : 'orange') : 'dimmed'}
      role="status"
      aria-label="Token signature"
    >
      {current ? current.line : 'Checking the signature against the issuer’s keys…'}
    </Text>
  );
}
