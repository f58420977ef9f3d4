import { randomUUID } from 'node:crypto';
import { WorkbenchInputError } from '../errors';
import type { BodyInfo, BodyPage, BodySearch, BodyView } from '../../../shared/body-pages';
import { lineStarts, PrettyJsonIndex } from './json-pretty-index';

/** Display lines longer than this are cut in a page (search still sees the whole line). */
export const MAX_LINE_CHARS = 10_000;
const MAX_PAGE_LINES = 2_000;
const MAX_MATCH_LINES = 1_000;

interface StoredBody {
  info: BodyInfo;
  bytes: Buffer;
  raw: Uint32Array;
  pretty: PrettyJsonIndex | null;
  lower: Partial<Record<BodyView, Buffer>>;
}

const TEXT_TYPE =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|problem\+json|yaml|csv))/i;

function kindOf(bytes: Buffer, contentType: string | null): BodyInfo['kind'] {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 8192);
  const firstChar = head.toString('utf8').trimStart()[0];
  const jsonType = /json/i.test(contentType ?? '');
  if ((jsonType || !contentType) && (firstChar === '{' || firstChar === '[')) return 'json';
  if (contentType && TEXT_TYPE.test(contentType)) return 'text';
  if (head.includes(0)) return 'binary';
  if (
    contentType &&
    /^(image|audio|video|font)\/|octet-stream|zip|pdf|protobuf/i.test(contentType)
  ) {
    return 'binary';
  }
  return 'text';
}

function asciiLower(buf: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buf.length);
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] ?? 0;
    out[i] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
  }
  return out;
}

/**
 * Response bodies of API calls, kept in the main process. The renderer reads them in pages of
 * lines (raw, or pretty JSON indexed in main) and searches them here, so a 100 MB body never
 * crosses the process boundary whole. The last few bodies are kept; older ones are dropped.
 */
export class ResponseStore {
  private readonly bodies = new Map<string, StoredBody>();

  constructor(
    private readonly maxBodies = 6,
    private readonly maxBytes = 1024 * 1024 * 1024,
  ) {}

  /** Collects a body while it arrives. */
  collector(): { push(chunk: Buffer): void; finish(contentType: string | null): BodyInfo } {
    const chunks: Buffer[] = [];
    return {
      push: (chunk) => void chunks.push(chunk),
      finish: (contentType) => this.put(Buffer.concat(chunks), contentType),
    };
  }

  put(bytes: Buffer, contentType: string | null): BodyInfo {
    const kind = kindOf(bytes, contentType);
    const id = randomUUID();
    const pretty = kind === 'json' ? new PrettyJsonIndex(bytes) : null;
    const raw = kind === 'binary' ? new Uint32Array(1) : lineStarts(bytes);
    const info: BodyInfo = { id, size: bytes.length, kind, contentType, rawLines: raw.length };
    this.bodies.set(id, { info, bytes, raw, pretty, lower: {} });
    this.evict();
    return info;
  }

  private evict(): void {
    let total = [...this.bodies.values()].reduce((n, b) => n + b.bytes.length, 0);
    for (const [id, body] of this.bodies) {
      if (this.bodies.size <= 1) break;
      if (this.bodies.size <= this.maxBodies && total <= this.maxBytes) break;
      total -= body.bytes.length;
      this.bodies.delete(id);
    }
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

  bytes(id: string): Buffer {
    return this.get(id).bytes;
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
        const lines: string[] = [];
        const total = pretty.lineCount;
        for (let i = from; i < Math.min(total, from + n); i++) lines.push(cut(pretty.line(i)));
        return { view: 'pretty', from, lines, total, complete: pretty.complete };
      }
    }
    const total = body.raw.length;
    const lines: string[] = [];
    for (let i = from; i < Math.min(total, from + n); i++) lines.push(cut(rawLine(body, i)));
    return { view: 'raw', from, lines, total, complete: true };
  }

  /** Lines holding the query (ASCII case-insensitive unless it has capitals). */
  async search(id: string, view: BodyView, query: string): Promise<BodySearch> {
    const body = this.get(id);
    let effective: BodyView = 'raw';
    let text = body.bytes;
    let lineAt = (offset: number) => rawLineAt(body.raw, offset);
    if (view === 'pretty' && body.pretty && (await body.pretty.done)) {
      effective = 'pretty';
      const pretty = body.pretty;
      text = pretty.bytes;
      lineAt = (offset) => pretty.lineAt(offset);
    }
    if (!query) return { view: effective, query, lines: [], matches: 0, truncated: false };
    const caseSensitive = query !== query.toLowerCase();
    const haystack = caseSensitive ? text : (body.lower[effective] ??= asciiLower(text));
    const needle = Buffer.from(caseSensitive ? query : query.toLowerCase(), 'utf8');
    const lines: number[] = [];
    let matches = 0;
    let truncated = false;
    for (
      let at = haystack.indexOf(needle);
      at !== -1;
      at = haystack.indexOf(needle, at + needle.length)
    ) {
      matches++;
      const line = lineAt(at);
      if (lines[lines.length - 1] !== line) {
        if (lines.length >= MAX_MATCH_LINES) {
          truncated = true;
          break;
        }
        lines.push(line);
      }
    }
    return { view: effective, query, lines, matches, truncated };
  }
}

function rawLine(body: StoredBody, i: number): Buffer {
  const start = body.raw[i] ?? 0;
  const end = i + 1 < body.raw.length ? (body.raw[i + 1] ?? 0) - 1 : body.bytes.length;
  const line = body.bytes.subarray(start, Math.max(start, end));
  return line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}

function rawLineAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cut(line: Buffer): string {
  if (line.length <= MAX_LINE_CHARS) return line.toString('utf8');
  return `${line.subarray(0, MAX_LINE_CHARS).toString('utf8')} … (line cut: ${line.length} bytes)`;
}
