/**
 * Asks the tab on screen to save, or its token bar to get a token. The event names come from the
 * tabs' own chunk (see tabs/tab-view.tsx), imported here on demand so that the workspace's chunk
 * does not carry the tabs; the chunk is loaded by the time a tab is on screen.
 */
const dispatch = (name: string) => window.dispatchEvent(new Event(name));

export function askSave(): void {
  void import('../profile-tab/profile-tab').then((m) => dispatch(m.SAVE_EVENT));
}

export function askToken(): void {
  void import('../token-bar/token-bar').then((m) => dispatch(m.GET_TOKEN_EVENT));
}
