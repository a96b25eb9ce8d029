/**
 * The outline numbering an author prints before a heading, and the level it stands for, as
 * GB/T 9704 orders them: 一、 (1) > （一） (2) > 1. / 1、 / 1． (3) > （1） (4). Used on display
 * text (full-width brackets and stops as printed); the numbering returned is the printed prefix.
 */

export interface PrintedNumbering {
  /** 1..4 */
  readonly level: number;
  /** The numbering as printed, e.g. 一、 or （一）; white space after it excluded. */
  readonly numbering: string;
  /** The text after the numbering, leading white space removed. */
  readonly rest: string;
}

const CHINESE = '[一二三四五六七八九十]{1,3}';
/**
 * Most specific first. 一是 / 二要 (inline enumerations) carry no stop and never match; 1.5 (a
 * decimal) is not 1. followed by text.
 */
const LEVELS: readonly { readonly level: number; readonly pattern: RegExp }[] = [
  { level: 2, pattern: new RegExp(`^[（(]\\s*${CHINESE}\\s*[）)][、.．]?`) },
  { level: 4, pattern: /^[（(]\s*\d{1,2}\s*[）)][、.．]?/ },
  { level: 1, pattern: new RegExp(`^${CHINESE}\\s*[、.．，,]`) },
  { level: 3, pattern: /^\d{1,2}\s*(?:[、．]|\.(?!\d))/ },
];

/** The numbering `line` starts with and its level, if it starts with one. */
export function printedNumbering(line: string): PrintedNumbering | undefined {
  const text = line.trimStart();
  for (const { level, pattern } of LEVELS) {
    const m = pattern.exec(text);
    if (m) return { level, numbering: m[0], rest: text.slice(m[0].length).trimStart() };
  }
  return undefined;
}
