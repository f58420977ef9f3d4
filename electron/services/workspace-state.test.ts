import { describe, expect, it } from 'vitest';
import { memoryStore } from './data-store';
import { WorkspaceStateService } from './workspace-state';

describe('workspace state', () => {
  it('keeps the open tabs and the active one', () => {
    const store = memoryStore();
    const service = new WorkspaceStateService({ store });
    expect(service.get()).toEqual({ tabs: [], active: null });
    const state = {
      tabs: [
        { kind: 'profile' as const, profileId: 'p1' },
        { kind: 'request' as const, profileId: 'p1', tabId: 't1', savedRequestId: null },
      ],
      active: 'request:t1',
    };
    service.save(state);
    expect(new WorkspaceStateService({ store }).get()).toEqual(state);
  });

  it('drops a damaged stored value instead of failing', () => {
    const store = memoryStore({ workspace: { tabs: 'nonsense' } });
    expect(new WorkspaceStateService({ store }).get()).toEqual({ tabs: [], active: null });
  });

  it('refuses extra fields, so nothing but references reaches the store', () => {
    const service = new WorkspaceStateService({ store: memoryStore() });
    expect(() =>
      service.save({
        tabs: [{ kind: 'profile', profileId: 'p1', secret: 'x' } as never],
        active: null,
      }),
    ).toThrow();
  });
});
