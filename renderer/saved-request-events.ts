import type { SavedRequest } from '../shared/saved-request';

/**
 * A saved request changed outside its tab (renamed, deleted or restored from the sidebar): the
 * open tab of that request follows, so its title, its Saved state and a later save stay true.
 */
export type SavedRequestChange =
  { kind: 'renamed' | 'restored'; request: SavedRequest } | { kind: 'deleted'; id: string };

const EVENT = 'workbench:saved-request-changed';

export function announceRequestChange(change: SavedRequestChange): void {
  window.dispatchEvent(new CustomEvent<SavedRequestChange>(EVENT, { detail: change }));
}

export function onRequestChange(listener: (change: SavedRequestChange) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<SavedRequestChange>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
