import { lazy, Suspense } from 'react';
import type { TabViewProps } from './tab-content';

export type { TabViewProps } from './tab-content';

// The tabs' content (profile tab, request tab, token bar) is its own chunk, fetched as soon as
// the workspace's chunk runs: its evaluation is a task of its own, not part of the workspace's.
const content = import('./tab-content');
const TabContent = lazy(async () => ({ default: (await content).TabContent }));

/** The tab on screen (see TabContent), once its chunk is there. */
export function TabView(props: TabViewProps) {
  return (
    <Suspense fallback={null}>
      <TabContent {...props} />
    </Suspense>
  );
}
