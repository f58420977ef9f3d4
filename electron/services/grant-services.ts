import { AuthorizationCodeFlow, type OpenExternal } from './authorization-code-flow';
import { DeviceFlow } from './device-flow';
import { DiscoveryService } from './discovery-service';
import { ProbeService } from './probe-service';
import type { ProfileService } from './profile-service';
import { RenewalService } from './renewal-service';
import type { RequestRegistry } from './request-registry';
import type { HttpTransport } from './http-transport';
import type { TokenService } from './token-service';

/** The grants beyond client credentials, discovery, probes and renewal, around one TokenService. */
export interface GrantServices {
  discovery: DiscoveryService;
  authorizationCode: AuthorizationCodeFlow;
  device: DeviceFlow;
  probes: ProbeService;
  renewal: RenewalService;
  dispose(): void;
}

export function createGrantServices(deps: {
  tokens: TokenService;
  profiles: ProfileService;
  registry: RequestRegistry;
  http: HttpTransport;
  openExternal?: OpenExternal;
}): GrantServices {
  const { tokens, profiles, registry, http, openExternal } = deps;
  const discovery = new DiscoveryService(http, () => tokens.timeoutSeconds());
  const renewal = new RenewalService(tokens, profiles);
  return {
    discovery,
    authorizationCode: new AuthorizationCodeFlow(tokens, discovery, registry, openExternal),
    device: new DeviceFlow(tokens, discovery, registry, openExternal),
    probes: new ProbeService(tokens, registry),
    renewal,
    dispose: () => renewal.dispose(),
  };
}
