import type { WorkbenchTransport } from '../shared/contract';
import { ipcChannel, operationNames } from '../shared/operations';
import {
  eventChannel,
  eventMethodName,
  eventNames,
  EVENTS_SNAPSHOT_CHANNEL,
  type WorkbenchEventApi,
} from '../shared/events';

/** One named method per operation, each invoking its own channel. No raw ipcRenderer escapes. */
export function buildPreloadApi(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): WorkbenchTransport {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    api[name] = (input: unknown) => invoke(ipcChannel(name), input);
  }
  return Object.freeze(api) as unknown as WorkbenchTransport;
}

/** The part of ipcRenderer the event surface uses. */
export interface PreloadEventIpc {
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  send(channel: string, name: string): void;
}

/**
 * `window.workbenchEvents`: one `on<Event>` method per event. Each returns an unsubscribe
 * function, hands the page only the payload (never the IPC event object), and asks main for the
 * current state of that event, so a new listener starts from a snapshot.
 */
export function buildPreloadEvents(ipc: PreloadEventIpc): WorkbenchEventApi {
  const api: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const name of eventNames) {
    api[eventMethodName(name)] = (listener) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const channel = eventChannel(name);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      ipc.send(EVENTS_SNAPSHOT_CHANNEL, name);
      return () => void ipc.removeListener(channel, forward);
    };
  }
  return Object.freeze(api) as unknown as WorkbenchEventApi;
}
