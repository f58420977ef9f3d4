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

function stamp(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
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

/**
 * The workbench's JSON store file, shared by both hosts. Every write replaces the file atomically
 * (temp file, fsync, rename). Before a read or a write it re-reads the file when another window or
 * process changed it, so a `set` only ever replaces its own key. On open it migrates old versions
 * (keeping a copy of the old file), and sets a damaged file aside with a timestamp, recovering
 * what can be read.
 */
class JsonFileStore implements KeyValueStore {
  private data: StoreData;
  private seen: string | null;

  constructor(
    private readonly file: string,
    data: StoreData,
  ) {
    this.data = data;
    this.seen = stamp(file);
  }

  private refresh(): void {
    const now = stamp(this.file);
    if (now === this.seen || now === null) return;
    const read = readStoreFile(this.file);
    // A damaged file written by someone else mid-run: keep what this process knows.
    if (read.kind === 'ok') this.data = migrateStore(read.data).data;
    this.seen = now;
  }

  get(key: string): unknown {
    this.refresh();
    return structuredClone(this.data[key]);
  }

  set(key: string, value: unknown): void {
    this.refresh();
    const next = { ...this.data };
    if (value === undefined) delete next[key];
    else next[key] = structuredClone(value);
    this.write(next);
    this.data = next;
  }

  write(data: StoreData): void {
    writeFileAtomic(this.file, `${JSON.stringify(data, null, '\t')}\n`);
    this.seen = stamp(this.file);
  }
}

/** Opens (creating, migrating or repairing) `workbench.json` in dataDir. */
export function openJsonFileStore(
  dataDir: string,
  options: { fileName?: string; now?: () => Date } = {},
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
  const store = new JsonFileStore(file, data);
  if (mustWrite) store.write(data);
  return { store, file, notices };
}
