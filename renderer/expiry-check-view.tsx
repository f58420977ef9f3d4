import { Alert, Box, Button, Code, Collapse, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { expiryCheckOf } from '../shared/expiry-check';
import type { TokenView } from '../shared/results';
import { usePresentationMode } from './presentation';

/**
 * JWT header and claims (decoded, not verified) and the exp / clock cross-check warnings,
 * worked out here from the token and the clock skew the main process measured at receipt.
 */
export function ExpiryCheckView({ token }: { token: TokenView }) {
  const [open, setOpen] = useState(false);
  const presenting = usePresentationMode();
  const check = useMemo(() => expiryCheckOf(token), [token]);
  return (
    <Stack gap={6}>
      {check.warnings.map((w) => (
        <Alert key={w} color="orange" variant="light" p="xs">
          <Text size="xs">{w}</Text>
        </Alert>
      ))}
      {check.jwt && (
        <Box>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide JWT claims' : 'Show JWT header and claims (not verified)'}
          </Button>
          <Collapse expanded={open}>
            <Text size="xs" c="dimmed">
              Decoded without checking the signature: not verified.
              {check.expDeltaSeconds !== null && ` exp vs expires_in: ${check.expDeltaSeconds} s.`}
              {check.clockSkewSeconds !== null &&
                ` Server clock skew: ${check.clockSkewSeconds} s.`}
            </Text>
            {presenting ? (
              <Text size="xs">Hidden in presentation mode.</Text>
            ) : (
              <Code block aria-label="JWT header and claims">
                {JSON.stringify({ header: check.jwt.header, claims: check.jwt.claims }, null, 2)}
              </Code>
            )}
          </Collapse>
        </Box>
      )}
    </Stack>
  );
}
