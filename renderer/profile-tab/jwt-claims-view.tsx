import { Code, Stack, Table, Text } from '@mantine/core';
import { claimText, decodeJwtClaims } from '../../shared/jwt-claims';
import { useSensitive, useSensitiveText } from '../presentation';

/** Claims that name the client or the token: masked like a client ID while presenting. */
const identifying = new Set(['sub', 'client_id', 'azp', 'cid', 'jti', 'sid']);

/** The access token's claims when it is a JWT (decoded for reading, not verified). */
export function JwtClaimsView({ accessToken }: { accessToken: string }) {
  const show = useSensitive();
  const showText = useSensitiveText();
  const claims = decodeJwtClaims(accessToken);
  if (!claims) {
    return (
      <Text size="sm" c="dimmed">
        The access token is not a JWT (an opaque token): it has no claims to read.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        JWT claims{' '}
        <Text span size="xs" c="dimmed">
          (decoded, not verified · header alg {String(claims.header.alg ?? '?')})
        </Text>
      </Text>
      <Table withTableBorder fz="xs" verticalSpacing={2} aria-label="JWT claims">
        <Table.Tbody>
          {Object.entries(claims.payload).map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={90} scope="row">
                <Code>{name}</Code>
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {identifying.has(name)
                  ? show('client-id', claimText(name, value))
                  : showText(claimText(name, value))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
