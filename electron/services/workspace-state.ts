import { emptyTabs, type TabsState } from '../../shared/workspace-tabs';
import { tabsStateSchema } from '../../shared/workspace-tabs-schema';
import type { KeyValueStore } from './data-store';

const KEY = 'workspace';

/**
 * The open tabs, kept across restarts. Only references (profile and request ids) and which tab
 * is active: never a field value, never a secret. A stored value that does not parse is dropped.
 */
export class WorkspaceStateService {
  constructor(private readonly deps: { store: KeyValueStore }) {}

  get(): TabsState {
    const parsed = tabsStateSchema.safeParse(this.deps.store.get(KEY));
    return parsed.success ? parsed.data : emptyTabs;
  }

  save(state: TabsState): { saved: true } {
    this.deps.store.set(KEY, tabsStateSchema.parse(state));
    return { saved: true };
  }
}
