import type { EventName, WorkbenchEvents } from '../../../shared/events';
import type { SandboxService } from '../sandbox-service';
import type { CurrentTokens } from '../tokens/current-tokens';
import type { RenewalService } from '../tokens/renewal-service';

export type PublishedEvent = {
  [K in EventName]: { name: K; payload: WorkbenchEvents[K] };
}[EventName];

export interface EventSnapshotDeps {
  current: CurrentTokens;
  renewal: RenewalService;
  sandbox: SandboxService;
}

/**
 * The state a page receives first when it subscribes, before any live event: every profile's
 * token state and renewal status, and the sandbox's status.
 */
export class EventSnapshot {
  constructor(private readonly deps: EventSnapshotDeps) {}

  events(): PublishedEvent[] {
    const out: PublishedEvent[] = [];
    const url = this.deps.sandbox.url;
    out.push({ name: 'sandboxStatus', payload: { running: url !== null, url } });
    for (const payload of this.deps.current.snapshot()) out.push({ name: 'tokenState', payload });
    for (const payload of this.deps.renewal.snapshot())
      out.push({ name: 'renewalStatus', payload });
    return out;
  }
}
