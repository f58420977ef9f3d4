import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { writeFileAtomic, type WriteFile } from './atomic-file';

export const HISTORY_FILE_NAME = 'history.jsonl';
/** Appended lines waiting for the disk at most; beyond either bound they are written at once. */
export const HISTORY_PENDING_LINES = 256;
export const HISTORY_PENDING_BYTES = 1024 * 1024;

/**
 * History on disk: one JSON object a line, oldest first. `append` is seen by `entries` at once
 * and reaches the file soon after (in order, one write for what came in meanwhile); `rewrite`
 * replaces the whole file atomically (retention pruning, clear).
 */
export interface HistoryLog {
  /** The entries, oldest first; lines that cannot be read (a torn last line) are left out. */
  entries(): readonly unknown[];
  /**
   * Adds an entry. `line`, when given, is the entry's JSON text and `entry` its parsed form,
   * which the log then keeps as it is (the caller hands it over).
   */
  append(entry: unknown, line?: string): void;
  /** Replaces every entry; the log keeps the given entries as they are (the caller hands them over). */
  rewrite(entries: readonly unknown[]): void;
  /** Writes appended entries that have not reached the file yet (close, exit, tests). */
  flush(): void;
  /** Lines in the file, readable or not: what pruning has to bring back down. */
  readonly lineCount: number;
}

export function memoryHistoryLog(initial: unknown[] = []): HistoryLog {
  let list = structuredClone(initial);
  return {
    entries: () => list,
    append: (entry, line) => void list.push(line === undefined ? structuredClone(entry) : entry),
    rewrite: (entries) => void (list = structuredClone([...entries])),
    flush: () => undefined,
    get lineCount() {
      return list.length;
    },
  };
}

function parseLines(text: string): { entries: unknown[]; lines: number } {
  const entries: unknown[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) entries.push(value);
    } catch {
      // A line torn by a crash mid-append, or damaged: skipped, dropped at the next pruning.
    }
  }
  return { entries, lines };
}

function sizeOf(file: string): { size: number; ino: number } | null {
  try {
    const s = statSync(file);
    return { size: s.size, ino: s.ino };
  } catch {
    return null;
  }
}

/** What holds history not yet on disk: flushed before the process exits. */
const unwritten = new Set<{ flush(): void }>();
let exitHook = false;

/** Flushes `holder` at exit unless `written` is called first (history waiting for the disk). */
export function flushAtExit(holder: { flush(): void }): void {
  unwritten.add(holder);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const h of unwritten) {
      try {
        h.flush();
      } catch {
        // Exiting: what cannot be written now is lost, the others are still written.
      }
    }
  });
}

export function written(holder: { flush(): void }): void {
  unwritten.delete(holder);
}

/**
 * The history file. Entries are kept in memory after the first read; the file is read again only
 * when another process changed it (its size or inode is not what this process left). Appends are
 * kept in memory at once and written on the next turn of the event loop (after the caller has its
 * answer), all that came in meanwhile in one write, in order; reads, rewrites, `flush` and exit
 * write them first.
 */
export class JsonLinesLog implements HistoryLog {
  private cache: unknown[] | null = null;
  private lines = 0;
  private known: { size: number; ino: number } | null = null;
  /** The file ends without a newline (torn by a crash): the next append starts a new line. */
  private tornTail = false;
  /** Lines appended to memory, not yet to the file. */
  private pending: string[] = [];
  private pendingBytes = 0;
  private scheduled = false;
  /** Why the last write to the file failed (the entries stay in memory); null when it did not. */
  problem: string | null = null;

  constructor(
    readonly file: string,
    private readonly write: WriteFile = writeFileAtomic,
  ) {}

  private load(): unknown[] {
    this.flush();
    const now = sizeOf(this.file);
    if (this.cache && now?.size === this.known?.size && now?.ino === this.known?.ino) {
      return this.cache;
    }
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const parsed = parseLines(text);
    this.cache = parsed.entries;
    this.lines = parsed.lines;
    this.tornTail = text.length > 0 && !text.endsWith('\n');
    this.known = now;
    return this.cache;
  }

  entries(): readonly unknown[] {
    return this.load();
  }

  get lineCount(): number {
    this.load();
    return this.lines;
  }

  append(entry: unknown, line?: string): void {
    const list = this.cache ?? this.load();
    const text = `${line ?? JSON.stringify(entry)}\n`;
    list.push(line === undefined ? structuredClone(entry) : entry);
    this.lines++;
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (
      this.pending.length >= HISTORY_PENDING_LINES ||
      this.pendingBytes >= HISTORY_PENDING_BYTES
    ) {
      this.flush();
      return;
    }
    flushAtExit(this);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(`${this.tornTail ? '\n' : ''}${this.pending.join('')}`, 'utf8');
    try {
      const fd = openSync(this.file, 'a', 0o600);
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      // The entries stay in memory (and pending, bounded: the oldest go first) for a next try.
      this.problem = err instanceof Error ? err.message : String(err);
      while (this.pending.length > HISTORY_PENDING_LINES) this.pending.shift();
      this.pendingBytes = this.pending.reduce((n, l) => n + l.length, 0);
      return;
    }
    this.problem = null;
    this.pending = [];
    this.pendingBytes = 0;
    written(this);
    this.tornTail = false;
    const after = sizeOf(this.file);
    // Another process appended at the same time: read the file again next time.
    const expected = (this.known?.size ?? 0) + bytes.length;
    this.known = after && after.size === expected ? after : null;
    if (!this.known) this.cache = null;
  }

  rewrite(entries: readonly unknown[]): void {
    this.write(this.file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    // Whatever was still waiting is replaced by the new content.
    this.pending = [];
    this.pendingBytes = 0;
    written(this);
    this.cache = [...entries];
    this.lines = entries.length;
    this.tornTail = false;
    this.known = sizeOf(this.file);
  }
}
