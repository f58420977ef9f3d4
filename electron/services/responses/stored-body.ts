import type { BodyInfo } from '../../../shared/body-pages';
import { FileSource, type ByteSource } from './body-source';
import type { PrettyJsonIndex } from './json-pretty-index';
import type { LineIndex } from './line-index';
import { removeSpillFile } from './spill-files';

/** One body the response store keeps: its bytes (memory or file), line index and pretty text. */
export interface StoredBody {
  info: BodyInfo;
  source: ByteSource;
  memory: Buffer | null;
  /** Spill files of this body (raw bytes, pretty text). */
  files: string[];
  raw: LineIndex;
  pretty: PrettyJsonIndex | null;
}

/** Memory one stored body holds, everything counted. */
export function footprint(b: StoredBody): number {
  return (b.memory?.length ?? 0) + b.raw.byteLength + (b.pretty?.byteLength ?? 0);
}

/** Stops its indexing, closes its files and deletes them. */
export async function dropBody(body: StoredBody): Promise<void> {
  body.pretty?.cancel();
  await body.pretty?.done;
  await body.pretty?.sink.close();
  if (body.source instanceof FileSource) await body.source.close();
  await Promise.all(body.files.map((f) => removeSpillFile(f)));
}
