// Helpers for the client check's integration tests: real services, the real sandbox, no mocks.
import { emptyProfileFields, pickProfileFields, type AuthMethod } from '../../../shared/profile';
import type { ClientCheckProgressEvent } from '../../../shared/events';
import { liveForFile } from '../../live-for-file';
import { memoryStore } from '../data-store';
import { MemoryVault } from '../secret-vault';
import { createServices, type Services } from '../services';
import { createClientCheck, type ClientCheck } from './create-client-check';

export interface CheckRig {
  services: Services;
  check: ClientCheck;
  events: ClientCheckProgressEvent[];
  close(): Promise<void>;
}

function checkRig(): CheckRig {
  const services = createServices(memoryStore(), new MemoryVault(null));
  const check = createClientCheck({ store: memoryStore(), ...services });
  const events: ClientCheckProgressEvent[] = [];
  services.events.subscribe('clientCheckProgress', (e) => events.push(e));
  return {
    services,
    check,
    events,
    close: async () => {
      await services.close();
      await services.http.close();
    },
  };
}

/** A rig made before the file's tests and closed after them (see liveForFile). */
export function useCheckRig(): CheckRig {
  return liveForFile('useCheckRig', checkRig);
}

/** The scope the sandbox's clients all have (team members, read). */
export const MEMBERS = 'team.user-group-info:read';

let made = 0;

export async function sandboxProfile(
  services: Services,
  fields: { clientId: string; scopes: string[]; authMethod?: AuthMethod; secret?: string },
): Promise<string> {
  await services.sandbox.ensureStarted();
  const saved = await services.profiles.save({
    fields: {
      ...emptyProfileFields,
      name: `Sandbox ${fields.clientId} ${++made}`,
      sandbox: true,
      clientId: fields.clientId,
      authMethod: fields.authMethod ?? 'client_secret_basic',
      scopes: fields.scopes,
    },
    clientSecret: fields.secret ?? (await services.sandbox.clientSecret()),
  });
  return saved.id;
}

export function runCheck(rig: CheckRig, profileId: string, scopeProbe = false) {
  return rig.check.service.run(
    profileId,
    { runId: `run-${profileId}`, scopeProbe, appVersion: 'test' },
    new AbortController().signal,
  );
}

export { pickProfileFields };
