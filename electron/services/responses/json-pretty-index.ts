import type { ByteSource } from './body-source';
import { LineIndex } from './line-index';
import type { PrettySink } from './pretty-sink';

/**
 * Pretty-prints JSON bytes (two spaces, as JSON.stringify(…, 2)) without parsing them into
 * objects, indexing the lines while it goes. It reads its input and writes its output in slices
 * (memory or a spill file) and yields to the event loop between them, so a 200 MB body never
 * blocks the main process. Pages can be read while it runs: `waitForLines` resolves as soon as
 * they exist. Nesting deeper than MAX_DEPTH is not printed (the raw view is used), so no input
 * can make the output grow without bound.
 */
const SLICE = 1024 * 1024;
const FLUSH_AT = 1024 * 1024;
export const MAX_DEPTH = 256;
/** Line offsets are 32-bit. */
const MAX_OUTPUT = 0xffff_ffff;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

export class PrettyJsonIndex {
  readonly index = new LineIndex();
  private failed = false;
  private finished = false;
  private cancelled = false;
  private waiters: { line: number; resolve: () => void }[] = [];
  readonly done: Promise<boolean>;
  // Output of the current slice, before it reaches the sink.
  private buf = Buffer.allocUnsafe(FLUSH_AT + 8 * MAX_DEPTH + 64);
  private pos = 0;
  private pendingStarts: number[] = [];

  constructor(
    private readonly input: ByteSource,
    readonly sink: PrettySink,
  ) {
    this.done = this.run();
  }

  get lineCount(): number {
    return this.index.count;
  }

  get complete(): boolean {
    return this.finished;
  }

  /** False when the bytes turned out not to be JSON (then the raw view is used). */
  get ok(): boolean {
    return !this.failed;
  }

  /** Memory held: the line index, the slice buffer and (in memory) the pretty text. */
  get byteLength(): number {
    return this.index.byteLength + this.buf.length + this.sink.byteLength;
  }

  /** [start, end) of line i in the pretty text. */
  range(i: number): [number, number] {
    return this.index.range(i, this.sink.length);
  }

  waitForLines(line: number): Promise<void> {
    if (this.finished || this.index.count > line + 1) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ line, resolve }));
  }

  /** Stops the work (the body was evicted); waiters are released. */
  cancel(): void {
    this.cancelled = true;
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => this.finished || this.index.count > w.line + 1);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private async flush(): Promise<void> {
    if (this.sink.length + this.pos > MAX_OUTPUT) throw new Error('too large');
    await this.sink.append(this.buf.subarray(0, this.pos));
    this.pos = 0;
    for (const s of this.pendingStarts) this.index.push(s);
    this.pendingStarts = [];
    this.wake();
  }

  private newline(depth: number): void {
    this.buf[this.pos++] = NEWLINE;
    this.pendingStarts.push(this.sink.length + this.pos);
    this.buf.fill(0x20, this.pos, this.pos + depth * 2);
    this.pos += depth * 2;
  }

  private async run(): Promise<boolean> {
    let depth = 0;
    let inString = false;
    let escape = false;
    let pendingClose = 0;
    let offset = 0;
    try {
      while (offset < this.input.length) {
        if (this.cancelled) throw new Error('cancelled');
        const src = await this.input.read(offset, SLICE);
        if (src.length === 0) break;
        let i = 0;
        while (i < src.length) {
          for (; i < src.length && this.pos < FLUSH_AT; i++) {
            const b = src[i] ?? 0;
            if (inString) {
              if (!escape && b !== QUOTE && b !== BACKSLASH) {
                // Copy a run of plain string bytes at once.
                let j = i + 1;
                const stop = Math.min(src.length, i + (FLUSH_AT - this.pos));
                while (j < stop && src[j] !== QUOTE && src[j] !== BACKSLASH) j++;
                src.copy(this.buf, this.pos, i, j);
                this.pos += j - i;
                i = j - 1;
                continue;
              }
              this.buf[this.pos++] = b;
              if (escape) escape = false;
              else if (b === BACKSLASH) escape = true;
              else if (b === QUOTE) inString = false;
              continue;
            }
            if (isSpace(b)) continue;
            if (pendingClose) {
              const close = pendingClose;
              pendingClose = 0;
              if (b === close) {
                this.buf[this.pos++] = b;
                continue;
              }
              if (++depth > MAX_DEPTH) throw new Error('too deep');
              this.newline(depth);
            }
            if (b === QUOTE) {
              inString = true;
              this.buf[this.pos++] = b;
            } else if (b === 0x7b || b === 0x5b) {
              this.buf[this.pos++] = b;
              pendingClose = b === 0x7b ? 0x7d : 0x5d;
            } else if (b === 0x7d || b === 0x5d) {
              if (--depth < 0) throw new Error('unbalanced');
              this.newline(depth);
              this.buf[this.pos++] = b;
            } else if (b === 0x2c) {
              this.buf[this.pos++] = b;
              this.newline(depth);
            } else if (b === 0x3a) {
              this.buf[this.pos++] = b;
              this.buf[this.pos++] = 0x20;
            } else {
              this.buf[this.pos++] = b;
            }
          }
          if (this.pos >= FLUSH_AT) await this.flush();
        }
        offset += src.length;
        await this.flush();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (depth !== 0 || inString || pendingClose) throw new Error('incomplete');
      await this.sink.finish();
    } catch {
      this.failed = true;
    }
    this.index.trim();
    this.buf = Buffer.alloc(0);
    this.finished = true;
    this.wake();
    return !this.failed;
  }
}
