import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { BodyInfo, BodyPage, BodySearch, BodyView } from '../../../shared/body-pages';
import { WorkbenchInputError } from '../errors';
import { BodyCollector, type CollectedBody } from './body-collector';
import { FileSource, memorySource } from './body-source';
import { kindOf } from './body-kind';
import { readLines } from './body-lines';
import { searchSource } from './body-search';
import { PrettyJsonIndex } from './json-pretty-index';
import { FileSink, MemorySink } from './pretty-sink';
import { dropBody, footprint, type StoredBody } from './stored-body';
import { newSpillFile, removeStaleSpillFiles, spillDirFor } from './spill-files';

export { MAX_LINE_CHARS } from './body-lines';
const MAX_PAGE_LINES = 2_000;
const MAX_MATCH_LINES = 1_000;
/** What a JSON body kept in memory holds at most while it is indexed: bytes, copy, pretty text. */
const IN_MEMORY_FACTOR = 3.3;
/** Line offsets are 32-bit: a body is stored up to 4 GiB; the rest is not kept. */
const MAX_STORED_BYTES = 0xffff_ffff;

export interface ResponseLimits {
  /** Everything the stored bodies hold in memory together: bytes, line indexes, pretty text. */
  memoryBytes: number;
  /** A body larger than this is kept in a spill file in the data dir, not in memory. */
  spillAboveBytes: number;
}

export const defaultResponseLimits: ResponseLimits = {
  memoryBytes: 1024 * 1024 * 1024,
  spillAboveBytes: 64 * 1024 * 1024,
};

/** The caps from Settings, in bytes. */
export function responseLimits(s: {
  responseMemoryMB: number;
  responseSpillMB: number;
}): ResponseLimits {
  return {
    memoryBytes: s.responseMemoryMB * 1024 * 1024,
    spillAboveBytes: s.responseSpillMB * 1024 * 1024,
  };
}

export interface ResponseStoreDeps {
  /** Folder for spill files (`<data dir>/response-bodies`); files of dead runs are removed. */
  spillDir?: string;
  limits?: () => ResponseLimits;
  /** Bodies kept at most, newest first. */
  maxBodies?: number;
}

/**
 * Response bodies of API calls, kept in the main process. The renderer reads them in pages of
 * lines (raw, or pretty JSON indexed in main) and searches them here, so a large body never
 * crosses the process boundary whole. Small bodies live in memory; one above the per-response
 * cap lives in a spill file (its pretty text too) and is paged and searched from there. Oldest
 * bodies are dropped while more than `maxBodies` are kept or the memory they hold together
 * passes the limit; a dropped body's files are deleted.
 */
export class ResponseStore {
  private readonly bodies = new Map<string, StoredBody>();
  private readonly open = new Set<BodyCollector>();
  private readonly spillDir: string;
  private readonly limits: () => ResponseLimits;
  private readonly maxBodies: number;

  constructor(deps: ResponseStoreDeps = {}) {
    this.spillDir = deps.spillDir ?? spillDirFor(null);
    this.limits = deps.limits ?? (() => defaultResponseLimits);
    this.maxBodies = deps.maxBodies ?? 6;
    removeStaleSpillFiles(this.spillDir);
  }

  /** Collects a body while it arrives; `discard` when the call fails before the end. */
  collector(): {
    push(chunk: Buffer): void;
    finish(contentType: string | null): BodyInfo;
    discard(): void;
  } {
    // While a body arrives in memory, older bodies make room for what it will hold once kept.
    const c = new BodyCollector(
      this.limits().spillAboveBytes,
      this.spillDir,
      MAX_STORED_BYTES,
      (n) => this.makeRoom(n * IN_MEMORY_FACTOR),
    );
    this.open.add(c);
    return {
      push: (chunk) => c.push(chunk),
      finish: (contentType) => {
        this.open.delete(c);
        return this.keep(c.finish(), contentType);
      },
      discard: () => {
        this.open.delete(c);
        c.discard();
      },
    };
  }

  put(bytes: Buffer, contentType: string | null): BodyInfo {
    const c = this.collector();
    c.push(bytes);
    return c.finish(contentType);
  }

  private keep(body: CollectedBody, contentType: string | null): BodyInfo {
    const kind = kindOf(body.head, body.size, contentType);
    const id = randomUUID();
    const source = body.memory
      ? memorySource(body.memory)
      : new FileSource(body.file ?? '', body.size);
    const files = body.file ? [body.file] : [];
    let pretty: PrettyJsonIndex | null = null;
    if (kind === 'json') {
      const prettyFile = body.file ? newSpillFile(this.spillDir, 'pretty') : null;
      if (prettyFile) files.push(prettyFile);
      const sink = prettyFile
        ? new FileSink(prettyFile)
        : new MemorySink(Math.ceil(body.size * 1.3));
      pretty = new PrettyJsonIndex(source, sink);
      void pretty.done.then(async (ok) => {
        if (!ok) await sink.close();
        this.evict();
      });
    }
    this.makeRoom(
      body.memory ? body.size * (kind === 'json' ? IN_MEMORY_FACTOR : 1) : body.raw.byteLength,
    );
    const rawLines = kind === 'binary' ? 1 : body.raw.count;
    const info: BodyInfo = { id, size: body.size, kind, contentType, rawLines };
    this.bodies.set(id, { info, source, memory: body.memory, files, raw: body.raw, pretty });
    this.evict();
    return info;
  }

  /** Memory the stored bodies hold now, everything counted. */
  memoryUsed(): number {
    let total = 0;
    for (const b of this.bodies.values()) total += footprint(b);
    return total;
  }

  /** Where each stored body lives, for the benchmark and tests. */
  placement(): { id: string; inMemory: boolean; bytes: number }[] {
    return [...this.bodies.values()].map((b) => ({
      id: b.info.id,
      inMemory: b.memory !== null,
      bytes: footprint(b),
    }));
  }

  /** Drops the oldest bodies until `incoming` more bytes fit the limit (all of them if need be). */
  private makeRoom(incoming: number): void {
    const { memoryBytes } = this.limits();
    let total = this.memoryUsed();
    for (const [id, body] of this.bodies) {
      if (total + incoming <= memoryBytes) break;
      total -= footprint(body);
      this.bodies.delete(id);
      void dropBody(body);
    }
  }

  private evict(): void {
    const { memoryBytes } = this.limits();
    let total = this.memoryUsed();
    for (const [id, body] of this.bodies) {
      if (this.bodies.size <= 1) break;
      if (this.bodies.size <= this.maxBodies && total <= memoryBytes) break;
      total -= footprint(body);
      this.bodies.delete(id);
      void dropBody(body);
    }
  }

  /** Drops every body and deletes every spill file of this store (on exit). */
  async close(): Promise<void> {
    for (const c of this.open) c.discard();
    this.open.clear();
    const all = [...this.bodies.values()];
    this.bodies.clear();
    await Promise.all(all.map((b) => dropBody(b)));
  }

  private get(id: string): StoredBody {
    const body = this.bodies.get(id);
    if (!body) {
      throw new WorkbenchInputError(
        'This response body is no longer kept: send the request again.',
      );
    }
    return body;
  }

  /** Every byte of a body at once; prefer `readStream` for bodies that may be large. */
  bytes(id: string): Buffer {
    const body = this.get(id);
    if (body.memory) return body.memory;
    return (body.source as FileSource).readAllSync();
  }

  /** The body's bytes as a stream, from memory or its spill file. */
  readStream(id: string): Readable {
    const body = this.get(id);
    if (body.memory) return Readable.from([body.memory]);
    return createReadStream((body.source as FileSource).file);
  }

  info(id: string): BodyInfo {
    return this.get(id).info;
  }

  /** Lines [from, from+count) of a view; pretty pages are served while indexing goes on. */
  async page(id: string, view: BodyView, from: number, count: number): Promise<BodyPage> {
    const body = this.get(id);
    const n = Math.min(Math.max(0, count), MAX_PAGE_LINES);
    const pretty = view === 'pretty' ? body.pretty : null;
    if (pretty) {
      await pretty.waitForLines(from + n);
      if (pretty.ok) {
        const total = pretty.lineCount;
        const lines = await readLines(
          pretty.sink,
          (i) => pretty.range(i),
          from,
          Math.min(total, from + n),
        );
        return { view: 'pretty', from, lines, total, complete: pretty.complete };
      }
    }
    const total = body.raw.count;
    const end = Math.min(total, from + n);
    const lines = await readLines(
      body.source,
      (i) => body.raw.range(i, body.source.length),
      from,
      end,
    );
    return { view: 'raw', from, lines, total, complete: true };
  }

  /** Lines holding the query (ASCII case-insensitive unless it has capitals). */
  async search(id: string, view: BodyView, query: string): Promise<BodySearch> {
    const body = this.get(id);
    let effective: BodyView = 'raw';
    let source = body.source;
    let lineAt = (offset: number) => body.raw.lineAt(offset);
    if (view === 'pretty' && body.pretty && (await body.pretty.done)) {
      const pretty = body.pretty;
      effective = 'pretty';
      source = pretty.sink;
      lineAt = (offset) => pretty.index.lineAt(offset);
    }
    if (!query) return { view: effective, query, lines: [], matches: 0, truncated: false };
    const hits = await searchSource(source, query, lineAt, MAX_MATCH_LINES);
    return { view: effective, query, ...hits };
  }
}
