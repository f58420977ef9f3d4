import { readFileSync } from 'node:fs';
import { fileStamp, type WriteFile } from './atomic-file';
import type { KeyValueStore } from './key-value-store';
import type { StoreData } from './store-migrations';

/**
 * Reads look at the file's stamp at most this often: another process's write is seen within this
 * time. Every `set` looks first, so a write never replaces a key another process just wrote.
 */
export const STORE_RECHECK_MS = 50;

function isRecord(v: unknown): v is StoreData {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Profiles and settings, served from memory and written through to the file atomically on every
 * change (a `set` with the value already stored writes nothing). Reads and writes compare the
 * file's inode, size and time with what this process last saw (reads at most every
 * STORE_RECHECK_MS): when another process (the command line) wrote in between, the file is read
 * again first, so a `set` only replaces its own key. If that file is damaged, the last good
 * content is kept.
 */
export function writeThroughStore(
  file: string,
  initial: StoreData,
  write: WriteFile,
): Required<KeyValueStore> {
  let data: StoreData = structuredClone(initial);
  let seen = fileStamp(file);
  let checkedAt = performance.now();
  let revision = 0;

  const refresh = (always: boolean) => {
    const at = performance.now();
    if (!always && at - checkedAt < STORE_RECHECK_MS) return;
    checkedAt = at;
    const now = fileStamp(file);
    if (now === seen) return;
    seen = now;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isRecord(parsed)) {
        data = parsed;
        revision++;
      }
    } catch {
      // Damaged or gone while the app runs: keep serving what was last read.
    }
  };

  return {
    get(key) {
      refresh(false);
      return structuredClone(data[key]);
    },
    set(key, value) {
      refresh(true);
      if (JSON.stringify(data[key]) === JSON.stringify(value)) return;
      const next = { ...data };
      if (value === undefined) delete next[key];
      else next[key] = structuredClone(value);
      write(file, `${JSON.stringify(next, null, '\t')}\n`);
      data = next;
      revision++;
      seen = fileStamp(file);
      checkedAt = performance.now();
    },
    revision() {
      refresh(false);
      return revision;
    },
  };
}
