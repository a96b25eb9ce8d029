/** How numbers and dates are written in the Chinese text we produce: messages and regenerated reports. */

/** A number as a clerk writes it: no thousands separator, no exponent, no binary noise. */
export function displayNumber(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
}

/** 2021-01-28 → 2021年1月28日 (Arabic numerals, no padding, as GB/T 9704 writes dates). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
