// The built-in sandbox: a local OAuth 2.0 authorization server (oidc-provider) and a few sample
// Celonis APIs on 127.0.0.1, so the workbench can be tried without a Celonis team.
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox-server';

export { SANDBOX_CLIENT_IDS, type SandboxClientInfo } from './sandbox-clients';
export type { Sandbox, SandboxOptions } from './sandbox-server';

export function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  return createSandbox(options);
}
