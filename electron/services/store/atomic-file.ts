import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** Writes a whole file; the store's one way to replace a file (tests wrap it to count writes). */
export type WriteFile = (file: string, text: string) => void;

/** Writes a file so that a reader sees the old or the new content, never a mix. */
export const writeFileAtomic: WriteFile = (file, text) => {
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
};

/** Temp files left by a writer that was killed mid-write (older than a minute: not in use). */
export function removeStaleTempFiles(file: string): void {
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

/** What identifies one version of a file: every atomic write makes a new inode. */
export function fileStamp(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}
