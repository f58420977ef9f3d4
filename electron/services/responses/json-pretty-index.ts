/**
 * Pretty-prints JSON bytes (two spaces) without parsing them into objects, and indexes the lines
 * while it goes, yielding to the event loop between slices so a 100 MB body never blocks the
 * main process. Pages can be read while it runs: `waitForLines` resolves as soon as they exist.
 */
const SLICE = 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

export class PrettyJsonIndex {
  private out: Buffer;
  private length = 0;
  private starts = new Uint32Array(1024);
  private lines = 1;
  private failed = false;
  private finished = false;
  private waiters: { line: number; resolve: () => void }[] = [];
  readonly done: Promise<boolean>;

  constructor(private readonly input: Buffer) {
    this.out = Buffer.allocUnsafe(Math.max(1024, Math.ceil(input.length * 1.6)));
    this.done = this.run();
  }

  get lineCount(): number {
    return this.lines;
  }

  get complete(): boolean {
    return this.finished;
  }

  /** False when the bytes turned out not to be JSON (then the raw view is used). */
  get ok(): boolean {
    return !this.failed;
  }

  /** The bytes of the pretty text written so far (complete once `done` has resolved). */
  get bytes(): Buffer {
    return this.out.subarray(0, this.length);
  }

  line(i: number): Buffer {
    const start = this.starts[i] ?? 0;
    const end = i + 1 < this.lines ? (this.starts[i + 1] ?? 0) - 1 : this.length;
    return this.out.subarray(start, Math.max(start, end));
  }

  /** Line number of a byte offset in the pretty text. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lines - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  waitForLines(line: number): Promise<void> {
    if (this.finished || this.lines > line + 1) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ line, resolve }));
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => this.finished || this.lines > w.line + 1);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.length + extra));
    this.out.copy(next, 0, 0, this.length);
    this.out = next;
  }

  private newline(depth: number): void {
    this.ensure(1 + depth * 2);
    this.out[this.length++] = NEWLINE;
    if (this.lines >= this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.lines++] = this.length;
    this.out.fill(0x20, this.length, this.length + depth * 2);
    this.length += depth * 2;
  }

  private push(b: number): void {
    this.ensure(1);
    this.out[this.length++] = b;
  }

  private async run(): Promise<boolean> {
    const src = this.input;
    let depth = 0;
    let inString = false;
    let escape = false;
    let i = 0;
    try {
      while (i < src.length) {
        const end = Math.min(src.length, i + SLICE);
        for (; i < end; i++) {
          const b = src[i] ?? 0;
          if (inString) {
            // Copy a run of plain string bytes at once.
            if (!escape && b !== QUOTE && b !== BACKSLASH) {
              let j = i + 1;
              while (j < end) {
                const c = src[j] ?? 0;
                if (c === QUOTE || c === BACKSLASH) break;
                j++;
              }
              this.ensure(j - i);
              src.copy(this.out, this.length, i, j);
              this.length += j - i;
              i = j - 1;
              continue;
            }
            this.push(b);
            if (escape) escape = false;
            else if (b === BACKSLASH) escape = true;
            else if (b === QUOTE) inString = false;
            continue;
          }
          if (isSpace(b)) continue;
          if (b === QUOTE) {
            inString = true;
            this.push(b);
          } else if (b === 0x7b || b === 0x5b) {
            this.push(b);
            let j = i + 1;
            while (j < src.length && isSpace(src[j] ?? 0)) j++;
            const close = b === 0x7b ? 0x7d : 0x5d;
            if (src[j] === close) {
              this.push(close);
              i = j;
            } else {
              depth++;
              this.newline(depth);
            }
          } else if (b === 0x7d || b === 0x5d) {
            depth--;
            if (depth < 0) throw new Error('unbalanced');
            this.newline(depth);
            this.push(b);
          } else if (b === 0x2c) {
            this.push(b);
            this.newline(depth);
          } else if (b === 0x3a) {
            this.push(b);
            this.push(0x20);
          } else {
            this.push(b);
          }
        }
        this.wake();
        if (i < src.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (depth !== 0 || inString) throw new Error('incomplete');
    } catch {
      this.failed = true;
    }
    this.finished = true;
    this.wake();
    return !this.failed;
  }
}

/** Offsets where each line starts in a buffer (split on \n). */
export function lineStarts(buf: Buffer): Uint32Array {
  let count = 1;
  for (let at = buf.indexOf(NEWLINE); at !== -1; at = buf.indexOf(NEWLINE, at + 1)) count++;
  const starts = new Uint32Array(count);
  let n = 1;
  for (let at = buf.indexOf(NEWLINE); at !== -1; at = buf.indexOf(NEWLINE, at + 1)) {
    starts[n++] = at + 1;
  }
  return starts;
}
