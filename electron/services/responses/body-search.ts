import type { ByteSource } from './body-source';

const CHUNK = 4 * 1024 * 1024;

function asciiLowerInto(src: Buffer, out: Buffer): Buffer {
  for (let i = 0; i < src.length; i++) {
    const b = src[i] ?? 0;
    out[i] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
  }
  return out.subarray(0, src.length);
}

export interface SearchHits {
  lines: number[];
  matches: number;
  truncated: boolean;
}

/**
 * Finds a query in a stored text, a chunk at a time (memory or file alike): ASCII
 * case-insensitive unless the query has capitals. No lower-case copy of the text is kept, so a
 * search costs one chunk of memory whatever the size of the body.
 */
export async function searchSource(
  source: ByteSource,
  query: string,
  lineAt: (offset: number) => number,
  maxLines: number,
): Promise<SearchHits> {
  const caseSensitive = query !== query.toLowerCase();
  const needle = Buffer.from(caseSensitive ? query : query.toLowerCase(), 'utf8');
  const lines: number[] = [];
  let matches = 0;
  if (needle.length === 0) return { lines, matches, truncated: false };
  const lower = caseSensitive ? null : Buffer.allocUnsafe(CHUNK + needle.length);
  let next = 0;
  for (let base = 0; base < source.length; base += CHUNK) {
    // Each chunk overlaps the next by the needle's length less one, so no match is missed.
    const raw = await source.read(base, CHUNK + needle.length - 1);
    const hay = lower ? asciiLowerInto(raw, lower) : raw;
    for (let at = hay.indexOf(needle, Math.max(0, next - base)); at !== -1;) {
      if (at >= CHUNK) break;
      matches++;
      const line = lineAt(base + at);
      if (lines[lines.length - 1] !== line) {
        if (lines.length >= maxLines) return { lines, matches, truncated: true };
        lines.push(line);
      }
      next = base + at + needle.length;
      at = hay.indexOf(needle, at + needle.length);
    }
  }
  return { lines, matches, truncated: false };
}
