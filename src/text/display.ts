/** How numbers and dates are written in the Chinese text we produce: messages and regenerated reports. */

let fractions: Intl.NumberFormat | undefined;

/**
 * A number as a clerk writes it: no thousands separator, no exponent, no binary noise. Counts,
 * nearly every number we write, are written by String(): ICU's number formatting costs 25 ms to
 * set up in each thread, and 20 µs a call after that.
 */
export function displayNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21 && !Object.is(value, -0)) return String(value);
  fractions ??= new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 6 });
  return fractions.format(value);
}

/** 2021-01-28 → 2021年1月28日 (Arabic numerals, no padding, as GB/T 9704 writes dates). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
