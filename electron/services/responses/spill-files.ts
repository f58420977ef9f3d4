import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary files for response bodies above the per-response memory cap, in
 * `<data dir>/response-bodies/`. A file is named after the process that wrote it, so a start
 * removes what a killed run left without touching the files of a process still running on the
 * same data dir (the command line beside the app). Every file is deleted on eviction, on close
 * and, as a last resort, when the process exits.
 */
export const SPILL_FOLDER = 'response-bodies';

const live = new Set<string>();
let exitHook = false;

function removeLiveOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const file of live) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  });
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The spill folder of a data dir (the OS temp dir when there is none, as in tests). */
export function spillDirFor(dataDir: string | null): string {
  return path.join(dataDir ?? path.join(os.tmpdir(), 'token-workbench'), SPILL_FOLDER);
}

/** Removes files left by runs that are no longer running. Returns how many. */
export function removeStaleSpillFiles(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || running(pid)) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed++;
    } catch {
      // another process removed it
    }
  }
  return removed;
}

/** A new file name in the spill folder (created with the folder if needed), tracked until removed. */
export function newSpillFile(dir: string, suffix: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeLiveOnExit();
  const file = path.join(dir, `${process.pid}-${randomUUID()}.${suffix}`);
  live.add(file);
  return file;
}

export async function removeSpillFile(file: string): Promise<void> {
  live.delete(file);
  await unlink(file).catch(() => undefined);
}

/** Spill files of this process not yet removed (for tests and the benchmark). */
export function liveSpillFiles(): string[] {
  return [...live];
}
