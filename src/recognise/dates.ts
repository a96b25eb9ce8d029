/** Dates as reports write them: 2021年1月28日, 2021-01-28, 2021.1.28, 二〇二一年一月二十八日, 二〇二一年元月二十八日. */
import { chineseNumber, compactText } from '../text/normalise';

const ARABIC = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/;
const CHINESE = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface FoundDate {
  readonly iso: string;
  /** Text before the date within the same paragraph (an issuer on the same line). */
  readonly before: string;
  /** Text after the date within the same paragraph (compact). */
  readonly after: string;
}

/** A clock time after a date (时间：2024-03-08 15:34): dropped before the spaces, or its hour would run into the day. */
const CLOCK = /(\d)\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/g;

/** 元月 is January (二〇二四年元月二十日, 2024年元月20日). */
const FIRST_MONTH = /(\d{4}年|[〇○零一二三四五六七八九]{4}年)元月/;

export function findDate(text: string): FoundDate | null {
  const compact = compactText(text.replace(CLOCK, '$1')).replace(
    FIRST_MONTH,
    (_, y: string) => `${y}${/\d/.test(y) ? '1' : '一'}月`,
  );
  const a = ARABIC.exec(compact);
  if (a) {
    const value = iso(Number(a[1]), Number(a[2]), Number(a[3]));
    if (value) return { iso: value, before: compact.slice(0, a.index), after: compact.slice(a.index + a[0].length) };
  }
  const c = CHINESE.exec(compact);
  if (c) {
    const [y, m, d] = [chineseNumber(c[1]), chineseNumber(c[2]), chineseNumber(c[3])];
    const value = y && m && d ? iso(y, m, d) : null;
    if (value) return { iso: value, before: compact.slice(0, c.index), after: compact.slice(c.index + c[0].length) };
  }
  return null;
}

/** A year written in a title: 2020 or 二〇二〇. */
export function yearOf(text: string): number | null {
  const compact = compactText(text);
  const a = /(20\d{2})\s*年/.exec(compact);
  if (a) return Number(a[1]);
  const c = /([〇○零一二三四五六七八九]{4})\s*年/.exec(compact);
  const y = c ? chineseNumber(c[1]) : undefined;
  return y && y >= 1990 && y <= 2100 ? y : null;
}
