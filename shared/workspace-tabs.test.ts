import { describe, expect, it } from 'vitest';
import {
  MAX_TABS,
  activeTab,
  closeTab,
  cycleTab,
  emptyTabs,
  openTab,
  pruneTabs,
  replaceTab,
  tabKey,
  type TabRef,
} from './workspace-tabs';
import { tabsStateSchema } from './workspace-tabs-schema';

const p = (profileId: string): TabRef => ({ kind: 'profile', profileId });
const r = (profileId: string, savedRequestId: string): TabRef => ({
  kind: 'request',
  profileId,
  tabId: `t-${savedRequestId}`,
  savedRequestId,
});

describe('workspace tabs', () => {
  it('opens a tab once and shows it again when opened twice', () => {
    let s = openTab(emptyTabs, p('a'));
    s = openTab(s, r('a', 'x'));
    s = openTab(s, p('a'));
    expect(s.tabs.map(tabKey)).toEqual(['profile:a', 'request:t-x']);
    expect(s.active).toBe('profile:a');
  });

  it('a saved request already open in another tab is shown, not opened twice', () => {
    let s = openTab(emptyTabs, r('a', 'x'));
    s = openTab(s, p('a'));
    s = openTab(s, { kind: 'request', profileId: 'a', tabId: 'other', savedRequestId: 'x' });
    expect(s.tabs).toHaveLength(2);
    expect(s.active).toBe('request:t-x');
  });

  it('closing the active tab activates its right neighbour, else its left one', () => {
    let s = [p('a'), p('b'), p('c')].reduce(openTab, emptyTabs);
    s = { ...s, active: 'profile:b' };
    s = closeTab(s, 'profile:b');
    expect(s.active).toBe('profile:c');
    s = closeTab(s, 'profile:c');
    expect(s.active).toBe('profile:a');
    s = closeTab(s, 'profile:a');
    expect(s).toEqual({ tabs: [], active: null });
  });

  it('closing another tab keeps the active one', () => {
    const s = closeTab([p('a'), p('b')].reduce(openTab, emptyTabs), 'profile:a');
    expect(s.active).toBe('profile:b');
  });

  it('cycles forward and backward with wrap-around', () => {
    let s = [p('a'), p('b'), p('c')].reduce(openTab, emptyTabs);
    s = cycleTab(s, 1);
    expect(s.active).toBe('profile:a');
    s = cycleTab(s, -1);
    expect(s.active).toBe('profile:c');
    expect(cycleTab(emptyTabs, 1)).toEqual(emptyTabs);
  });

  it('prunes tabs of deleted profiles and requests', () => {
    const s = [p('a'), r('a', 'x'), p('b'), r('b', 'y')].reduce(openTab, emptyTabs);
    const pruned = pruneTabs(s, {
      profile: (id) => id === 'a',
      request: (_p, id) => id !== 'x',
    });
    expect(pruned.tabs.map(tabKey)).toEqual(['profile:a']);
    expect(pruned.active).toBe('profile:a');
    expect(activeTab(pruned)).toEqual(p('a'));
  });

  it('replaces a tab in place, without duplicates', () => {
    let s = [{ kind: 'new-profile' } as TabRef, p('b')].reduce(openTab, emptyTabs);
    s = { ...s, active: 'new-profile' };
    s = replaceTab(s, 'new-profile', p('n'));
    expect(s.tabs.map(tabKey)).toEqual(['profile:n', 'profile:b']);
    expect(s.active).toBe('profile:n');
    expect(replaceTab(s, 'profile:n', p('b')).tabs.map(tabKey)).toEqual(['profile:b']);
  });

  it('keeps at most MAX_TABS tabs', () => {
    let s = emptyTabs;
    for (let i = 0; i < MAX_TABS + 5; i++) s = openTab(s, p(`p${i}`));
    expect(s.tabs).toHaveLength(MAX_TABS);
    expect(s.tabs[0]).toEqual(p('p5'));
    expect(tabsStateSchema.safeParse(s).success).toBe(true);
  });

  it('rejects a stored state with unknown keys or kinds', () => {
    expect(tabsStateSchema.safeParse({ tabs: [{ kind: 'x' }], active: null }).success).toBe(false);
    expect(
      tabsStateSchema.safeParse({
        tabs: [{ kind: 'profile', profileId: 'a', secret: 's' }],
        active: null,
      }).success,
    ).toBe(false);
  });
});
