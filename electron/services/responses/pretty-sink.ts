import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from './body-source';

/** Where pretty-printed text goes while it is made; readable (a ByteSource) as it grows. */
export interface PrettySink extends ByteSource {
  append(bytes: Buffer): Promise<void>;
  /** Called once the text is complete. */
  finish(): Promise<void>;
  /** Memory this sink holds. */
  readonly byteLength: number;
  close(): Promise<void>;
}

/** Pretty text in memory: one buffer, grown as needed and trimmed when complete. */
export class MemorySink implements PrettySink {
  private out: Buffer;
  length = 0;

  constructor(expected: number) {
    this.out = Buffer.allocUnsafe(Math.max(1024, expected));
  }

  get byteLength(): number {
    return this.out.length;
  }

  append(bytes: Buffer): Promise<void> {
    if (this.length + bytes.length > this.out.length) {
      // Grow by half: a doubling would hold twice the text in the worst case.
      const next = Buffer.allocUnsafe(
        Math.max(Math.ceil(this.out.length * 1.5), this.length + bytes.length),
      );
      this.out.copy(next, 0, 0, this.length);
      this.out = next;
    }
    bytes.copy(this.out, this.length);
    this.length += bytes.length;
    return Promise.resolve();
  }

  finish(): Promise<void> {
    if (this.out.length > this.length * 1.1 + 1024) this.out = Buffer.from(this.bytes());
    return Promise.resolve();
  }

  bytes(): Buffer {
    return this.out.subarray(0, this.length);
  }

  read(offset: number, length: number): Promise<Buffer> {
    return Promise.resolve(this.out.subarray(offset, Math.min(this.length, offset + length)));
  }

  close(): Promise<void> {
    this.out = Buffer.alloc(0);
    this.length = 0;
    return Promise.resolve();
  }
}

/** Pretty text in a spill file, written in the order it is made. */
export class FileSink implements PrettySink {
  private handle: Promise<FileHandle> | null = null;
  length = 0;
  readonly byteLength = 0;

  constructor(readonly file: string) {}

  private fh(): Promise<FileHandle> {
    this.handle ??= open(this.file, 'wx+', 0o600);
    return this.handle;
  }

  async append(bytes: Buffer): Promise<void> {
    const fh = await this.fh();
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, this.length + done);
      done += bytesWritten;
    }
    this.length += bytes.length;
  }

  async finish(): Promise<void> {
    await this.fh();
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const n = Math.max(0, Math.min(length, this.length - offset));
    const buf = Buffer.allocUnsafe(n);
    if (n === 0) return buf;
    const fh = await this.fh();
    let done = 0;
    while (done < n) {
      const { bytesRead } = await fh.read(buf, done, n - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buf.subarray(0, done);
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h) await h.then((fh) => fh.close()).catch(() => undefined);
  }
}
