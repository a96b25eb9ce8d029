/**
 * The counter of a numbering level as Word prints it, by the level's w:numFmt: 一 二 三 …
 * (chineseCounting), ① ② ③, 壹 贰 叁, 甲 乙 丙, A B C, i ii iii, 1 2 3 … Formats Word offers
 * for other scripts fall back to decimal, as Word does where it lacks a glyph.
 */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CN_UNITS = [
  [10000, '万'],
  [1000, '千'],
  [100, '百'],
  [10, '十'],
] as const;
const CN_LEGAL_UNITS = [
  [10000, '万'],
  [1000, '仟'],
  [100, '佰'],
  [10, '拾'],
] as const;
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 十一, 二十, 一百〇一: the written Chinese number; `legal` uses 壹拾 and always writes the 壹. */
function chineseCount(
  n: number,
  digits: string,
  units: readonly (readonly [number, string])[],
  zero: string,
  legal: boolean,
): string {
  if (n <= 0) return digits[0];
  if (n >= 100000) return String(n);
  let out = '';
  let gap = false;
  let rest = n;
  for (const [unit, name] of units) {
    const q = Math.floor(rest / unit);
    rest %= unit;
    if (q === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += zero;
    gap = false;
    // 十一 rather than 一十一, unless it follows a higher unit (一百一十) or is the legal form.
    out += q === 1 && unit === 10 && !out && !legal ? name : digits[q] + name;
  }
  if (rest > 0) out += (gap ? zero : '') + digits[rest];
  return out;
}

/** A, B, … Z, AA, BB, …: Word stops at 780 (ZZZ…Z ×30); beyond, and for a hostile start, decimal. */
function letters(n: number, base: string): string {
  if (n <= 0 || n > 780) return String(n);
  const ch = String.fromCharCode(base.charCodeAt(0) + ((n - 1) % 26));
  return ch.repeat(Math.ceil(n / 26));
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** ① … ⑳ (and ⒈ ⑴ alike) exist for 1–20; beyond that Word prints the plain number. */
function enclosed(n: number, first: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n);
}

function cycle(n: number, symbols: string): string {
  return n >= 1 ? symbols[(n - 1) % symbols.length] : String(n);
}

function fullWidth(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

function digitByDigit(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const FORMATTERS: Readonly<Record<string, (n: number) => string>> = {
  decimal: String,
  decimalHalfWidth: String,
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: fullWidth,
  decimalFullWidth2: fullWidth,
  decimalEnclosedCircle: (n) => enclosed(n, 0x2460),
  decimalEnclosedCircleChinese: (n) => enclosed(n, 0x2460),
  decimalEnclosedFullstop: (n) => enclosed(n, 0x2488),
  decimalEnclosedParen: (n) => enclosed(n, 0x2474),
  ideographEnclosedCircle: (n) => (n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n)),
  upperLetter: (n) => letters(n, 'A'),
  lowerLetter: (n) => letters(n, 'a'),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  chineseCounting: (n) => chineseCount(n, CN_DIGITS, CN_UNITS, '〇', false),
  chineseCountingThousand: (n) => chineseCount(n, CN_DIGITS, CN_UNITS, '零', false),
  taiwaneseCounting: (n) => chineseCount(n, CN_DIGITS, CN_UNITS, '〇', false),
  taiwaneseCountingThousand: (n) => chineseCount(n, CN_DIGITS, CN_UNITS, '零', false),
  japaneseCounting: (n) => chineseCount(n, CN_DIGITS, CN_UNITS, '〇', false),
  chineseLegalSimplified: (n) => chineseCount(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, '零', true),
  ideographTraditional: (n) => cycle(n, HEAVENLY_STEMS),
  ideographZodiac: (n) => cycle(n, EARTHLY_BRANCHES),
  ideographDigital: digitByDigit,
  taiwaneseDigital: digitByDigit,
  japaneseDigitalTenThousand: digitByDigit,
  ordinal,
  none: () => '',
};

/** The counter value `n` printed in format `numFmt` (unknown formats print as decimal). */
export function formatCounter(n: number, numFmt: string): string {
  return (FORMATTERS[numFmt] ?? String)(n);
}
