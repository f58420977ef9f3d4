/**
 * The store as the services see it. Everything lives in `store/`; nothing there imports this
 * file, so there is no import circle.
 */
export type { DataStore, KeyValueStore } from './store/key-value-store';
export { memoryStore } from './store/key-value-store';
export type { HistoryLog } from './store/history-log';
export { memoryHistoryLog } from './store/history-log';
export { CURRENT_STORE_VERSION as STORE_VERSION } from './store/store-migrations';
export { openJsonFileStore, type OpenedStore } from './store/json-file-store';
