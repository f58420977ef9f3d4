import {
  eventMethodName,
  eventNames,
  type EventName,
  type TokenStateEvent,
  type WorkbenchEventApi,
} from '../shared/events';
import { openEventStream } from './rpc-transport';
import { browserHostKey } from './workbench-api';

type Listener = (payload: never) => void;

/** Which state an event replaces: one per profile, per attempt, per run, or the only one. */
function stateKey(name: EventName, payload: Record<string, unknown>): string {
  const scope =
    name === 'deviceProgress'
      ? payload.attemptId
      : name === 'clientCheckProgress'
        ? payload.runId
        : payload.profileId;
  return `${name}:${String(scope ?? '')}`;
}

/** Progress that is over needs no replay to a later listener. */
function finished(name: EventName, payload: Record<string, unknown>): boolean {
  if (name === 'clientCheckProgress') return payload.done === true;
  if (name === 'deviceProgress') return !['pending', 'slow-down'].includes(String(payload.status));
  return false;
}

/**
 * The renderer's one way to receive pushed state, under both hosts: Electron through the
 * preload's `window.workbenchEvents`, the browser host through its event stream. The latest
 * state of each profile (and of the sandbox) is kept, so a component that subscribes later first
 * receives that snapshot, then every new event.
 */
function connect(): {
  api: WorkbenchEventApi;
  latestOf: (name: EventName, scope: string) => unknown;
} {
  const listeners = new Map<EventName, Set<Listener>>();
  const latest = new Map<string, { name: EventName; payload: unknown }>();
  let started = false;

  const dispatch = (name: EventName, payload: unknown) => {
    const record = (payload ?? {}) as Record<string, unknown>;
    const key = stateKey(name, record);
    if (finished(name, record)) latest.delete(key);
    else latest.set(key, { name, payload });
    for (const listener of listeners.get(name) ?? []) (listener as (p: unknown) => void)(payload);
  };

  const start = () => {
    if (started || typeof window === 'undefined') return;
    started = true;
    const exposed = (window as unknown as { workbenchEvents?: WorkbenchEventApi }).workbenchEvents;
    if (exposed) {
      for (const name of eventNames) {
        const on = exposed[eventMethodName(name)] as (l: (p: unknown) => void) => () => void;
        on((payload) => dispatch(name, payload));
      }
      return;
    }
    if (!browserHostKey) return;
    openEventStream(browserHostKey, (frame) => {
      if (!(eventNames as readonly string[]).includes(frame.event)) return;
      try {
        dispatch(frame.event as EventName, JSON.parse(frame.data));
      } catch {
        // A frame that is not JSON is not an event.
      }
    });
  };

  const api: Record<string, (listener: Listener) => () => void> = {};
  for (const name of eventNames) {
    api[eventMethodName(name)] = (listener) => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      for (const item of latest.values()) {
        if (item.name === name) (listener as (p: unknown) => void)(item.payload);
      }
      start();
      return () => void set.delete(listener);
    };
  }
  return {
    api: api as unknown as WorkbenchEventApi,
    latestOf: (name, scope) => latest.get(`${name}:${scope}`)?.payload,
  };
}

const connection = connect();
export const workbenchEvents: WorkbenchEventApi = connection.api;

/** The latest pushed token state of a profile (undefined before its first event). */
export function latestTokenState(profileId: string): TokenStateEvent | undefined {
  return connection.latestOf('tokenState', profileId) as TokenStateEvent | undefined;
}
