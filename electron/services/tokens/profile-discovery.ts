import type { DiscoveryView } from '../../../shared/grant-results';
import type { DiscoveryService } from '../discovery-service';
import { WorkbenchInputError } from '../errors';
import type { ProfileService } from '../profile-service';
import type { RequestRegistry } from '../request-registry';
import type { EndpointResolver } from './endpoint-resolver';
import type { TokenContexts } from './token-context';

export interface ProfileDiscoveryDeps {
  profiles: ProfileService;
  contexts: TokenContexts;
  discovery: DiscoveryService;
  endpoints: EndpointResolver;
  registry: RequestRegistry;
}

/** "Discover endpoints" for a profile: asks the server again and forgets the cached answer. */
export class ProfileDiscovery {
  constructor(private readonly deps: ProfileDiscoveryDeps) {}

  async discover(profileId: string, requestId: string): Promise<DiscoveryView> {
    const profile = this.deps.profiles.get(profileId);
    const baseUrl = await this.deps.contexts.baseUrlFor(profile);
    if (!baseUrl) {
      throw new WorkbenchInputError('Set Team and Cluster (or a Base URL) first.', 'team');
    }
    this.deps.endpoints.forget(profileId);
    return this.deps.registry.run(requestId, (signal) =>
      this.deps.discovery.discover(baseUrl, profile.tokenUrl || null, signal, true),
    );
  }
}
