import type { ByteSource } from './body-source';

/** Display lines longer than this are cut in a page (search still sees the whole line). */
export const MAX_LINE_CHARS = 10_000;

/** Lines [from, end) of a stored text, each read on its own and cut at MAX_LINE_CHARS. */
export async function readLines(
  source: ByteSource,
  range: (i: number) => [number, number],
  from: number,
  end: number,
): Promise<string[]> {
  const lines: string[] = [];
  for (let i = Math.max(0, from); i < end; i++) {
    const [start, stop] = range(i);
    const length = stop - start;
    const bytes = await source.read(start, Math.min(length, MAX_LINE_CHARS));
    if (length > MAX_LINE_CHARS) {
      lines.push(`${bytes.toString('utf8')} … (line cut: ${length} bytes)`);
    } else {
      lines.push(
        (bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes).toString('utf8'),
      );
    }
  }
  return lines;
}
