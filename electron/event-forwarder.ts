import type { WebFrameMain } from 'electron';
import {
  eventChannel,
  eventNames,
  EVENTS_SNAPSHOT_CHANNEL,
  type EventName,
} from '../shared/events';
import { isTrustedFrame } from './ipc';
import type { EventFeed } from './services/events/event-feed';

/** The part of a WebContents the forwarder uses. */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** The part of ipcMain the forwarder uses. */
export interface EventIpc {
  on(
    channel: string,
    listener: (
      event: { sender: unknown; senderFrame: Pick<WebFrameMain, 'url' | 'parent'> | null },
      name: unknown,
    ) => void,
  ): unknown;
}

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}

/**
 * Forwards every published event to the app's window (`webContents.send(eventChannel(name))`),
 * and answers the preload's snapshot request for an event, from the app's own page only, with
 * the current state. Returns a function that stops forwarding.
 */
export function forwardEvents(feed: EventFeed, target: EventTarget, ipc: EventIpc): () => void {
  const send = (name: EventName, payload: unknown) => {
    if (!target.isDestroyed()) target.send(eventChannel(name), payload);
  };
  ipc.on(EVENTS_SNAPSHOT_CHANNEL, (event, name) => {
    if (event.sender !== target || !isTrustedFrame(event.senderFrame) || !isEventName(name)) return;
    for (const item of feed.snapshot()) if (item.name === name) send(item.name, item.payload);
  });
  return feed.subscribeAll((name, payload) => send(name, payload));
}
