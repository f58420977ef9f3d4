import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles, writeFileAtomic, type WriteFile } from './atomic-file';
import { HISTORY_FILE_NAME, JsonLinesLog, type HistoryLog } from './history-log';
import type { DataStore } from './key-value-store';
import { salvageJson } from './json-salvage';
import { CURRENT_STORE_VERSION, migrateStore, type StoreData } from './store-migrations';
import { writeThroughStore } from './write-through-store';

export const STORE_FILE_NAME = 'workbench.json';
export { writeFileAtomic } from './atomic-file';

/** What opening the store found, in words for the user. */
export interface OpenedStore {
  store: DataStore;
  file: string;
  /** Messages the UI shows: a damaged file set aside, a newer version's file. Empty when all is well. */
  notices: string[];
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; data: StoreData }
  | { kind: 'damaged'; reason: string; salvaged: StoreData };

function readStoreFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    return { kind: 'damaged', reason: 'it was empty', salvaged: {} };
  }
  const text = bytes.toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { kind: 'ok', data: parsed as StoreData };
    }
    return { kind: 'damaged', reason: 'it did not hold a JSON object', salvaged: {} };
  } catch (err) {
    const detail = err instanceof SyntaxError ? err.message : 'unreadable';
    return {
      kind: 'damaged',
      reason: `it is not valid JSON (${detail.slice(0, 120)})`,
      salvaged: salvageJson(text),
    };
  }
}

function describeSalvage(data: StoreData): string {
  const profiles = Array.isArray(data.profiles) ? data.profiles.length : 0;
  const keys = Object.keys(data).filter((k) => k !== 'storeVersion');
  if (keys.length === 0) return 'Nothing in it could be read; the workbench starts empty.';
  const parts = [`${profiles} profile${profiles === 1 ? '' : 's'}`];
  const others = keys.filter((k) => k !== 'profiles');
  if (others.length) parts.push(others.join(', '));
  return `Recovered from it: ${parts.join('; ')}.`;
}

/**
 * History kept inside the store file by versions before 3 (newest first) joins the history log
 * (oldest first). Entries the log already has (a migration interrupted before the store file was
 * rewritten) are not added twice.
 */
function moveHistoryToLog(legacy: unknown, log: HistoryLog): void {
  if (!Array.isArray(legacy) || legacy.length === 0) return;
  const idOf = (e: unknown) =>
    typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : undefined;
  const existing = log.entries();
  const known = new Set<unknown>(existing.map(idOf).filter((id) => id !== undefined));
  const moved = [...legacy]
    .reverse()
    .filter((e) => typeof e === 'object' && e !== null && !Array.isArray(e))
    .filter((e) => idOf(e) === undefined || !known.has(idOf(e)));
  const at = (e: unknown) => Number((e as { at?: unknown }).at) || 0;
  log.rewrite([...existing, ...moved].sort((a, b) => at(a) - at(b)));
}

/**
 * Opens (creating, migrating or repairing) `workbench.json` in dataDir, and the history log
 * beside it. `write` replaces a whole file (atomic by default; tests wrap it to count writes).
 */
export function openJsonFileStore(
  dataDir: string,
  options: { fileName?: string; now?: () => Date; write?: WriteFile } = {},
): OpenedStore {
  const file = path.join(dataDir, options.fileName ?? STORE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const write = options.write ?? writeFileAtomic;
  const notices: string[] = [];
  removeStaleTempFiles(file);
  const read = readStoreFile(file);
  const base = path.basename(file, '.json');
  const historyFile = path.join(
    dataDir,
    options.fileName ? `${base}.history.jsonl` : HISTORY_FILE_NAME,
  );
  removeStaleTempFiles(historyFile);
  const history = new JsonLinesLog(historyFile, write);

  let data: StoreData;
  let mustWrite = false;
  if (read.kind === 'missing') {
    data = { storeVersion: CURRENT_STORE_VERSION };
    mustWrite = true;
  } else if (read.kind === 'damaged') {
    const kept = path.join(path.dirname(file), `${base}.damaged-${timestamp(now())}.json`);
    renameSync(file, kept);
    moveHistoryToLog(read.salvaged.history, history);
    data = migrateStore(read.salvaged).data;
    delete data.history;
    mustWrite = true;
    notices.push(
      `The data file ${path.basename(file)} could not be read: ${read.reason}. ` +
        `It was moved aside as ${path.basename(kept)} (nothing was deleted). ${describeSalvage(read.salvaged)}`,
    );
  } else {
    const migrated = migrateStore(read.data);
    data = migrated.data;
    if (migrated.newer) {
      const kept = path.join(
        path.dirname(file),
        `${base}.v${migrated.from}-copy-${timestamp(now())}.json`,
      );
      copyFileSync(file, kept);
      notices.push(
        `The data file was written by a newer version of Token Workbench (store version ${migrated.from}). ` +
          `A copy was kept as ${path.basename(kept)}; settings this version does not know are left as they are.`,
      );
    } else if (migrated.from < CURRENT_STORE_VERSION) {
      copyFileSync(file, path.join(path.dirname(file), `${base}.v${migrated.from}-backup.json`));
      moveHistoryToLog(read.data.history, history);
      mustWrite = true;
    }
  }
  if (mustWrite) write(file, `${JSON.stringify(data, null, '\t')}\n`);
  const kv = writeThroughStore(file, data, write);
  return {
    store: { get: kv.get, set: kv.set, revision: kv.revision, history, dataDir },
    file,
    notices,
  };
}
