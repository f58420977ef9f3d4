// Small statistics the benchmarks share.

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `x` rounded to `d` decimals, as a number. */
export const round = (x, d = 2) => Number(x.toFixed(d));
