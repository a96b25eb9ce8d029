/**
 * Text that goes into a workbook. Document text is untrusted: it may hold characters that are not
 * allowed in XML (a workbook with them does not open), more than a cell can hold, or look like a
 * formula. Everything we write as text passes through here, and is always written as a string.
 */

// XML 1.0 forbids these; Excel refuses the whole file when one slips in.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit for the characters of one cell. */
export const CELL_TEXT_LIMIT = 32767;

/** Text safe to store in a cell: XML-invalid characters removed, cut to what a cell holds. */
export function cellText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  if (clean.length <= CELL_TEXT_LIMIT) return clean;
  const cut = clean.slice(0, CELL_TEXT_LIMIT - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A finite number as it is; anything else (NaN, ±Infinity) is not a number a cell can hold. */
export function cellNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Any field value as a cell value: numbers stay numbers, text is made safe, the rest is blank. */
export function cellValue(value: unknown): string | number | null {
  if (typeof value === 'number') return cellNumber(value);
  if (typeof value === 'string') return value === '' ? null : cellText(value);
  return null;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\\u0000-\u001F\u007F]/g;
const SHEET_NAME_LIMIT = 31;

/**
 * A worksheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, 1–31 UTF-16
 * units, not the reserved "History", and unique (case-insensitive) among `taken`.
 */
export function sheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  let base = cellText(wanted)
    .replace(SHEET_FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = `Sheet${base ? '_' : ''}${base}`;
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name = fitUnits(base, SHEET_NAME_LIMIT - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Cuts text to at most `units` UTF-16 units without splitting a surrogate pair. */
function fitUnits(text: string, units: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out.replace(/'+$/, '');
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD8FF][\uDC00-\uDFFF]/;

/** Display width of a line of text in column-width units (a CJK character is about two '0's). */
export function textUnits(text: string, cjk: number, other: number): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? cjk : other;
  return units;
}
