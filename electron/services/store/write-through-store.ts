import { readFileSync } from 'node:fs';
import { fileStamp, type WriteFile } from './atomic-file';
import type { KeyValueStore } from './key-value-store';
import type { StoreData } from './store-migrations';

function isRecord(v: unknown): v is StoreData {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Profiles and settings, served from memory and written through to the file atomically on every
 * change (a `set` with the value already stored writes nothing). Each read and write compares the
 * file's inode, size and time with what this process last saw: when another process (a second
 * window, the command line) wrote in between, the file is read again first, so a `set` only
 * replaces its own key. If that file is damaged, the last good content is kept.
 */
export function writeThroughStore(
  file: string,
  initial: StoreData,
  write: WriteFile,
): KeyValueStore {
  let data: StoreData = structuredClone(initial);
  let seen = fileStamp(file);

  const refresh = () => {
    const now = fileStamp(file);
    if (now === seen) return;
    seen = now;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isRecord(parsed)) data = parsed;
    } catch {
      // Damaged or gone while the app runs: keep serving what was last read.
    }
  };

  return {
    get(key) {
      refresh();
      return structuredClone(data[key]);
    },
    set(key, value) {
      refresh();
      if (JSON.stringify(data[key]) === JSON.stringify(value)) return;
      const next = { ...data };
      if (value === undefined) delete next[key];
      else next[key] = structuredClone(value);
      write(file, `${JSON.stringify(next, null, '\t')}\n`);
      data = next;
      seen = fileStamp(file);
    },
  };
}
