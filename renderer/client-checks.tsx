import { Card, Divider, Stack, Title } from '@mantine/core';
import type { ProfileView } from '../shared/profile';
import { pickProfileFields } from '../shared/profile';
import { DiscoveryPanel } from './discovery-panel';
import { MethodProbePanel } from './method-probe-panel';
import { ScopeProbePanel } from './scope-probe-panel';
import { workbench } from './workbench-api';

/** The questions an admin asks of a fresh client: what the server announces, which method, which scopes. */
export function ClientChecks({
  profile,
  beforeRequest,
  onSaved,
}: {
  profile: ProfileView;
  beforeRequest: () => Promise<boolean>;
  onSaved: (view: ProfileView) => void;
}) {
  async function useScopes(scopes: string[]) {
    const view = await workbench.saveProfile({
      id: profile.id,
      fields: { ...pickProfileFields(profile), scopes },
    });
    onSaved(view);
  }
  return (
    <Card withBorder padding="lg" component="section" aria-label="Client checks">
      <Stack gap="md">
        <Title order={3}>Client checks</Title>
        <DiscoveryPanel profile={profile} />
        <Divider />
        <MethodProbePanel profile={profile} beforeRequest={beforeRequest} />
        <Divider />
        <ScopeProbePanel
          key={profile.id}
          profile={profile}
          beforeRequest={beforeRequest}
          onUseScopes={useScopes}
        />
      </Stack>
    </Card>
  );
}
