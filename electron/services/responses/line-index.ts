/** Where each line starts in a text of up to 4 GiB, growing as lines are found. */
export class LineIndex {
  private starts = new Uint32Array(1024);
  private n = 1;

  /** Offsets are byte positions; line 0 starts at 0. */
  push(offset: number): void {
    if (this.n >= this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.n++] = offset;
  }

  get count(): number {
    return this.n;
  }

  /** Memory this index holds. */
  get byteLength(): number {
    return this.starts.byteLength;
  }

  start(i: number): number {
    return this.starts[i] ?? 0;
  }

  /** [start, end) of line i in a text of `length` bytes, without its `\n`. */
  range(i: number, length: number): [number, number] {
    const start = this.start(i);
    const end = i + 1 < this.n ? this.start(i + 1) - 1 : length;
    return [start, Math.max(start, end)];
  }

  /** The line holding a byte offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds the line starts found in a chunk that begins at byte `base`. */
  scan(chunk: Buffer, base: number): void {
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
      this.push(base + at + 1);
    }
  }

  /** Drops the spare room once the text is complete. */
  trim(): void {
    if (this.starts.length > this.n) this.starts = this.starts.slice(0, this.n);
  }
}
