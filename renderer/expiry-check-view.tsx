import { Alert, Box, Button, Code, Collapse, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExpiryCheck } from '../shared/grant-results';
import { usePresentationMode } from './presentation';

/** JWT header and claims (decoded, not verified) and the exp / clock cross-check warnings. */
export function ExpiryCheckView({ check }: { check: ExpiryCheck | undefined }) {
  const [open, setOpen] = useState(false);
  const presenting = usePresentationMode();
  if (!check) return null;
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
              <Code block aria-label="JWT claims">
                {JSON.stringify({ header: check.jwt.header, claims: check.jwt.claims }, null, 2)}
              </Code>
            )}
          </Collapse>
        </Box>
      )}
    </Stack>
  );
}
