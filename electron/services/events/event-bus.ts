import type { EventName, WorkbenchEvents } from '../../../shared/events';

type Listener<K extends EventName> = (payload: WorkbenchEvents[K]) => void;

/**
 * The main process's one publisher of pushed state. Services publish; each host forwards every
 * event to its page (Electron: webContents.send; browser host: Server-Sent Events).
 */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly anyListeners = new Set<
    <K extends EventName>(name: K, payload: WorkbenchEvents[K]) => void
  >();

  publish<K extends EventName>(name: K, payload: WorkbenchEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
    for (const listener of this.anyListeners) listener(name, payload);
  }

  subscribe<K extends EventName>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  /** How many listeners are attached (a closed stream must leave none behind). */
  get listenerCount(): number {
    let n = this.anyListeners.size;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Every event, for the hosts' forwarders. */
  subscribeAll(
    listener: <K extends EventName>(name: K, payload: WorkbenchEvents[K]) => void,
  ): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}
