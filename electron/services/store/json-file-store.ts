import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from '../data-store';
import { salvageJson } from './json-salvage';
import { CURRENT_STORE_VERSION, migrateStore, type StoreData } from './store-migrations';

export const STORE_FILE_NAME = 'workbench.json';

/** What opening the store found, in words for the user. */
export interface OpenedStore {
  store: KeyValueStore;
  file: string;
  /** Messages the UI shows: a damaged file set aside, a newer version's file. Empty when all is well. */
  notices: string[];
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Writes a file so that a reader sees the old or the new content, never a mix. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
  try {
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Directories cannot be opened for fsync on every platform; the rename is still atomic.
  }
}

/** Temp files left by a writer that was killed mid-write (older than a minute: not in use). */
function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const full = path.join(dir, name);
    try {
      if (Date.now() - statSync(full).mtimeMs > 60_000) unlinkSync(full);
    } catch {
      // another process removed it
    }
  }
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

/** The part of conf (and electron-store, which extends it) the store uses. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Builds the conf-family instance that reads and writes the prepared file. */
export type StoreEngine = (dataDir: string, configName: string) => ConfLike;

/** The browser host's engine: conf. The Electron host passes electron-store (conf underneath). */
export const confEngine: StoreEngine = (dataDir, configName) =>
  new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName,
    projectName: 'token-workbench',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });

/**
 * The store the services use, on conf / electron-store: conf reads the file on every access (so a
 * second window's writes are seen and a `set` only replaces its own key) and writes atomically
 * (temp file + rename). If the file is damaged while the app runs, reads fall back to the last
 * value this process saw instead of failing.
 */
function storeOn(conf: ConfLike): KeyValueStore {
  const lastSeen = new Map<string, unknown>();
  return {
    get(key) {
      try {
        const value = conf.get(key);
        lastSeen.set(key, value);
        return structuredClone(value);
      } catch {
        return structuredClone(lastSeen.get(key));
      }
    },
    set(key, value) {
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
      lastSeen.set(key, structuredClone(value));
    },
  };
}

/** Opens (creating, migrating or repairing) `workbench.json` in dataDir. */
export function openJsonFileStore(
  dataDir: string,
  options: { fileName?: string; now?: () => Date; engine?: StoreEngine } = {},
): OpenedStore {
  const file = path.join(dataDir, options.fileName ?? STORE_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const notices: string[] = [];
  removeStaleTempFiles(file);
  const read = readStoreFile(file);
  const base = path.basename(file, '.json');

  let data: StoreData;
  let mustWrite = false;
  if (read.kind === 'missing') {
    data = { storeVersion: CURRENT_STORE_VERSION };
    mustWrite = true;
  } else if (read.kind === 'damaged') {
    const kept = path.join(path.dirname(file), `${base}.damaged-${timestamp(now())}.json`);
    renameSync(file, kept);
    data = migrateStore(read.salvaged).data;
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
      mustWrite = true;
    }
  }
  if (mustWrite) writeFileAtomic(file, `${JSON.stringify(data, null, '\t')}\n`);
  const store = storeOn((options.engine ?? confEngine)(path.dirname(file), base));
  return { store, file, notices };
}
