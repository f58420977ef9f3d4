import type { EventName, WorkbenchEvents } from '../../../shared/events';
import type { SandboxService } from '../sandbox-service';
import type { CurrentTokens } from '../tokens/current-tokens';
import type { RenewalService } from '../tokens/renewal-service';
import type { EventBus } from './event-bus';

export type PublishedEvent = {
  [K in EventName]: { name: K; payload: WorkbenchEvents[K] };
}[EventName];

export interface EventFeedDeps {
  events: EventBus;
  current: CurrentTokens;
  renewal: RenewalService;
  sandbox: SandboxService;
}

/**
 * What a host forwards to its page: first a snapshot of the current state (every profile's token
 * state and renewal status, the sandbox's status), then every event as it is published.
 */
export class EventFeed {
  constructor(private readonly deps: EventFeedDeps) {}

  snapshot(): PublishedEvent[] {
    const out: PublishedEvent[] = [];
    const url = this.deps.sandbox.url;
    out.push({ name: 'sandboxStatus', payload: { running: url !== null, url } });
    for (const payload of this.deps.current.snapshot()) out.push({ name: 'tokenState', payload });
    for (const payload of this.deps.renewal.snapshot()) {
      out.push({ name: 'renewalStatus', payload });
    }
    return out;
  }

  subscribeAll(
    listener: <K extends EventName>(name: K, payload: WorkbenchEvents[K]) => void,
  ): () => void {
    return this.deps.events.subscribeAll(listener);
  }
}
