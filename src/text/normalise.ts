/**
 * Text normalisation, in one place. Reports come with NBSP and ideographic spaces, zero-width
 * characters, full-width digits and signs, and line breaks inside cells; every stage that compares
 * or parses text goes through these functions so that they all agree.
 */

const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const DASHES = /[\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63\uFF0D]/g;

/** Display text: invisible characters removed, spaces of every kind folded, line breaks kept. */
export function cleanText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

/**
 * Comparable text: NFKC (full-width digits, letters and punctuation to ASCII, ⒈ to 1.), dashes
 * unified to '-', all white space and line breaks removed. Chinese characters are untouched.
 */
export function compactText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, '');
}

const VISIBLE = /[^\s\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF\u00AD]/;

/** True when a text shows nothing: empty, spaces of any kind, zero-width characters. */
export function isBlankText(raw: string): boolean {
  return !VISIBLE.test(raw);
}

/** One line of display text: line breaks inside a cell become nothing (labels) or a space (prose). */
export function singleLine(raw: string, joiner = ''): string {
  return cleanText(raw).split('\n').join(joiner);
}

const NUMERALS = '〇零一二三四五六七八九';

/** Chinese numerals as used in dates and headings (二〇二一, 十二, 二十八) to a number. */
export function chineseNumber(text: string): number | undefined {
  const s = text.replace(/○|０|Ｏ/g, '〇');
  if (/^[〇零一二三四五六七八九]+$/.test(s) && s.length > 1 && !s.includes('十')) {
    return Number([...s].map(digitOf).join(''));
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digitOf(m[1]) : 1) * 10 + (m[2] ? digitOf(m[2]) : 0);
  if (s.length === 1 && NUMERALS.includes(s)) return digitOf(s);
  return undefined;
}

function digitOf(ch: string): number {
  const i = NUMERALS.indexOf(ch);
  return i <= 1 ? 0 : i - 1;
}
