import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus';

describe('EventBus', () => {
  it('delivers an event to its subscribers and to every-event listeners until they unsubscribe', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.subscribe('sandboxStatus', (p) => seen.push(`one:${p.running}`));
    const offAll = bus.subscribeAll((name) => seen.push(`all:${name}`));
    bus.publish('sandboxStatus', { running: true, url: 'http://127.0.0.1:1' });
    off();
    offAll();
    bus.publish('sandboxStatus', { running: false, url: null });
    expect(seen).toEqual(['one:true', 'all:sandboxStatus']);
  });

  it('keeps events apart by name', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe('renewalStatus', (p) => seen.push(p.profileId));
    bus.publish('sandboxStatus', { running: true, url: null });
    expect(seen).toEqual([]);
  });
});
