/**
 * The window of a virtual list whose rows all have one height: which rows are on screen, from
 * the scroll position alone (no per-row measurement, so 25,000 rows cost nothing to lay out).
 */

/** The rows the viewport touches, before overscan: [first, last) in row indices. */
export interface RowSpan {
  first: number;
  last: number;
}

export function rowSpan(scrollTop: number, viewportHeight: number, rowHeight: number): RowSpan {
  if (!(rowHeight > 0)) return { first: 0, last: 0 };
  const top = Math.max(0, scrollTop);
  return {
    first: Math.floor(top / rowHeight),
    last: Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight),
  };
}

/** The rows to render, [start, end), with `overscan` rows either side, within `count`. */
export function windowOf(
  span: RowSpan,
  count: number,
  overscan: number,
): { start: number; end: number } {
  const clamp = (n: number) => Math.min(Math.max(n, 0), Math.max(count, 0));
  return { start: clamp(span.first - overscan), end: clamp(span.last + overscan) };
}

export function sameSpan(a: RowSpan, b: RowSpan): boolean {
  return a.first === b.first && a.last === b.last;
}
