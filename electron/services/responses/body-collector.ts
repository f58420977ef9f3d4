import { closeSync, openSync, writeSync } from 'node:fs';
import { LineIndex } from './line-index';
import { newSpillFile, removeSpillFile } from './spill-files';

/** A body as collected: in memory, or in a spill file when it grew past the per-response cap. */
export interface CollectedBody {
  size: number;
  /** The first bytes, to tell JSON, text and binary apart. */
  head: Buffer;
  raw: LineIndex;
  memory: Buffer | null;
  file: string | null;
}

const HEAD_BYTES = 8192;

function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Collects a body while it arrives. Up to `spillAbove` bytes it stays in memory; the moment it
 * grows past that, what came so far goes to a spill file and every later chunk is written there,
 * so a 200 MB body never sits in memory whole. Past `maxStored` (or when the disk fails) the rest
 * is not stored.
 */
export class BodyCollector {
  private chunks: Buffer[] = [];
  private size = 0;
  private fd: number | null = null;
  private file: string | null = null;
  private head = Buffer.alloc(0);
  private readonly raw = new LineIndex();
  private full = false;

  constructor(
    private readonly spillAbove: number,
    private readonly spillDir: string,
    private readonly maxStored: number,
    /** Told how many bytes are held in memory so far, after each chunk that stays there. */
    private readonly onMemory: (bytes: number) => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    if (this.full) return;
    const part = chunk.subarray(0, this.maxStored - this.size);
    if (part.length < chunk.length) this.full = true;
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, part.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    try {
      if (this.fd === null && this.size + part.length > this.spillAbove) this.spill();
      if (this.fd !== null) writeAll(this.fd, part);
      else this.chunks.push(part);
    } catch {
      // The disk is full or gone: keep what was stored, store nothing more.
      this.full = true;
      return;
    }
    this.raw.scan(part, this.size);
    this.size += part.length;
    if (this.fd === null) this.onMemory(this.size);
  }

  private spill(): void {
    this.file = newSpillFile(this.spillDir, 'body');
    this.fd = openSync(this.file, 'wx', 0o600);
    for (const c of this.chunks) writeAll(this.fd, c);
    this.chunks = [];
  }

  finish(): CollectedBody {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.raw.trim();
    const memory = this.file ? null : Buffer.concat(this.chunks);
    this.chunks = [];
    return { size: this.size, head: this.head, raw: this.raw, memory, file: this.file };
  }

  /** The call failed before the body was complete: nothing is kept. */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.chunks = [];
    if (this.file) void removeSpillFile(this.file);
  }
}
