import { describe, expect, it } from 'vitest';
import {
  eventChannel,
  eventMethodName,
  eventNames,
  EVENTS_SNAPSHOT_CHANNEL,
} from '../shared/events';
import { buildPreloadEvents } from './preload-api';

type Forward = (event: unknown, payload: unknown) => void;

/** ipcRenderer's on/removeListener/send, recorded; `emit` plays main's webContents.send. */
function recordingIpc() {
  const listeners = new Map<string, Set<Forward>>();
  const sent: [string, string][] = [];
  return {
    sent,
    emit: (channel: string, payload: unknown) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the IPC event object' }, payload);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
    on(channel: string, listener: Forward) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel: string, listener: Forward) {
      listeners.get(channel)?.delete(listener);
    },
    send(channel: string, name: string) {
      sent.push([channel, name]);
    },
  };
}

describe('preload event surface (window.workbenchEvents)', () => {
  it('has one on<Event> method per event and nothing else, frozen', () => {
    const api = buildPreloadEvents(recordingIpc());
    expect(Object.keys(api).sort()).toEqual(eventNames.map((n) => eventMethodName(n)).sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('hands the page only the payload, asks for a snapshot, and unsubscribes', () => {
    const ipc = recordingIpc();
    const api = buildPreloadEvents(ipc);
    const got: unknown[][] = [];
    const stop = api.onTokenState((...args: unknown[]) => got.push(args));
    expect(ipc.sent).toEqual([[EVENTS_SNAPSHOT_CHANNEL, 'tokenState']]);
    const payload = { profileId: 'p', token: null, lastAttempt: null };
    ipc.emit(eventChannel('tokenState'), payload);
    expect(got).toEqual([[payload]]);
    stop();
    expect(ipc.count(eventChannel('tokenState'))).toBe(0);
    ipc.emit(eventChannel('tokenState'), payload);
    expect(got).toHaveLength(1);
  });
});
