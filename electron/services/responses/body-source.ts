import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The bytes of a stored text: in memory, or in a file of this run. */
export interface ByteSource {
  readonly length: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export function memorySource(bytes: Buffer): ByteSource {
  return {
    length: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
}

/** A file read by position; opened on first use, closed by `close`. */
export class FileSource implements ByteSource {
  private handle: Promise<FileHandle> | null = null;

  constructor(
    readonly file: string,
    readonly length: number,
  ) {}

  async read(offset: number, length: number): Promise<Buffer> {
    const n = Math.max(0, Math.min(length, this.length - offset));
    const buf = Buffer.allocUnsafe(n);
    if (n === 0) return buf;
    this.handle ??= open(this.file, 'r');
    const fh = await this.handle;
    let done = 0;
    while (done < n) {
      const { bytesRead } = await fh.read(buf, done, n - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buf.subarray(0, done);
  }

  /** The whole file at once (only for callers that asked for every byte). */
  readAllSync(): Buffer {
    const fd = openSync(this.file, 'r');
    try {
      const buf = Buffer.allocUnsafe(this.length);
      let done = 0;
      while (done < this.length) {
        const n = readSync(fd, buf, done, this.length - done, done);
        if (n === 0) break;
        done += n;
      }
      return buf.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h) await h.then((fh) => fh.close()).catch(() => undefined);
  }
}
