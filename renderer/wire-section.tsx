import { Box, Button, Collapse } from '@mantine/core';
import { useState } from 'react';
import type { TokenResult } from '../shared/results';
import { WireView } from './wire-view';

/**
 * The token exchange on the wire. Open by default when the call failed (that is when it is
 * read); after a success it stays one click away so the request tester is in view.
 */
export function WireSection({ result }: { result: TokenResult }) {
  // The user's choice holds for the result it was made on; a new result starts from the default.
  const [choice, setChoice] = useState<{ result: TokenResult; open: boolean } | null>(null);
  const open =
    choice?.result === result ? choice.open : result.failure !== null || result.token === null;
  return (
    <Box>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => setChoice({ result, open: !open })}
        aria-expanded={open}
      >
        {open ? 'Hide the token exchange' : 'Show the token exchange on the wire'}
      </Button>
      {/* Not kept mounted: a closed exchange costs no render when a new token arrives. */}
      <Collapse expanded={open} keepMounted={false}>
        <Box pt="xs">
          <WireView
            request={result.request}
            response={result.response}
            basicDecoded={result.basicDecoded}
          />
        </Box>
      </Collapse>
    </Box>
  );
}
