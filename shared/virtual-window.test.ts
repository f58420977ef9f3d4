import { describe, expect, it } from 'vitest';
import { rowSpan, sameSpan, windowOf } from './virtual-window';

describe('virtual window', () => {
  it('spans the rows the viewport touches', () => {
    expect(rowSpan(0, 300, 30)).toEqual({ first: 0, last: 10 });
    expect(rowSpan(45, 300, 30)).toEqual({ first: 1, last: 12 });
    expect(rowSpan(-20, 60, 30)).toEqual({ first: 0, last: 2 });
    expect(rowSpan(100, 300, 0)).toEqual({ first: 0, last: 0 });
  });

  it('adds overscan either side and stays within the rows there are', () => {
    expect(windowOf({ first: 0, last: 10 }, 1000, 5)).toEqual({ start: 0, end: 15 });
    expect(windowOf({ first: 40, last: 50 }, 1000, 5)).toEqual({ start: 35, end: 55 });
    expect(windowOf({ first: 40, last: 50 }, 45, 5)).toEqual({ start: 35, end: 45 });
    // Scrolled past the end of a list that has just become shorter.
    expect(windowOf({ first: 40, last: 50 }, 20, 5)).toEqual({ start: 20, end: 20 });
    expect(windowOf({ first: 0, last: 10 }, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('compares spans by value', () => {
    expect(sameSpan({ first: 1, last: 2 }, { first: 1, last: 2 })).toBe(true);
    expect(sameSpan({ first: 1, last: 2 }, { first: 1, last: 3 })).toBe(false);
  });
});
