import { Alert, Stack } from '@mantine/core';
import type { AppInfo } from '../shared/results';
import { MemorySecretsNotice } from './memory-secrets-notice';

/**
 * Messages that stay until their cause is gone: secrets in memory only, a repaired data file,
 * TLS verification switched off (every HTTPS call it affects is unverified).
 */
export function AppNotices({ info }: { info: AppInfo }) {
  const notices = info.storeNotices ?? [];
  return (
    <Stack gap="sm" mb={notices.length || !info.settings.network.tlsVerify ? 'md' : 0}>
      {info.secretStorage === 'memory' && <MemorySecretsNotice problem={info.keychainProblem} />}
      {notices.map((n) => (
        <Alert key={n} color="orange" title="The data file was repaired" role="alert">
          {n}
        </Alert>
      ))}
      {!info.settings.network.tlsVerify && (
        <Alert color="red" variant="filled" title="TLS verification is off" role="alert">
          Certificates are not checked on any HTTPS call: token requests, API calls, discovery and
          probes. Anyone on the network path could read the client secret and tokens. Switch it on
          again under Settings &gt; Network.
        </Alert>
      )}
    </Stack>
  );
}
