import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { writeFileAtomic, type WriteFile } from './atomic-file';

export const HISTORY_FILE_NAME = 'history.jsonl';

/**
 * History on disk: one JSON object a line, oldest first. Appends are one `write` at the end of
 * the file; `rewrite` replaces the whole file atomically (retention pruning, clear).
 */
export interface HistoryLog {
  /** The entries, oldest first; lines that cannot be read (a torn last line) are left out. */
  entries(): readonly unknown[];
  append(entry: unknown): void;
  rewrite(entries: readonly unknown[]): void;
  /** Lines in the file, readable or not: what pruning has to bring back down. */
  readonly lineCount: number;
}

export function memoryHistoryLog(initial: unknown[] = []): HistoryLog {
  let list = structuredClone(initial);
  return {
    entries: () => list,
    append: (entry) => void list.push(structuredClone(entry)),
    rewrite: (entries) => void (list = structuredClone([...entries])),
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

/**
 * The history file. Entries are kept in memory after the first read; the file is read again only
 * when another process changed it (its size or inode is not what this process left).
 */
export class JsonLinesLog implements HistoryLog {
  private cache: unknown[] | null = null;
  private lines = 0;
  private known: { size: number; ino: number } | null = null;
  /** The file ends without a newline (torn by a crash): the next append starts a new line. */
  private tornTail = false;

  constructor(
    readonly file: string,
    private readonly write: WriteFile = writeFileAtomic,
  ) {}

  private load(): unknown[] {
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

  append(entry: unknown): void {
    const list = this.load();
    const line = `${this.tornTail ? '\n' : ''}${JSON.stringify(entry)}\n`;
    const bytes = Buffer.from(line, 'utf8');
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    list.push(structuredClone(entry));
    this.lines++;
    this.tornTail = false;
    const after = sizeOf(this.file);
    // Another process appended at the same time: read the file again next time.
    const expected = (this.known?.size ?? 0) + bytes.length;
    this.known = after && after.size === expected ? after : null;
    if (!this.known) this.cache = null;
  }

  rewrite(entries: readonly unknown[]): void {
    this.write(this.file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.cache = structuredClone([...entries]);
    this.lines = entries.length;
    this.tornTail = false;
    this.known = sizeOf(this.file);
  }
}
