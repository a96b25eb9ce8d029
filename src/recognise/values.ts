/**
 * Reading one data cell: integers, decimals, signed values (+13, -12, full-width －3), thousands
 * separators, units (件, 项, 万元, 元 → 万元), and the ways reports leave a cell empty
 * (blank, NBSP, '/', '—', '-', '无'). Text that is not a number is kept raw and marked.
 */
import type { Unit } from '../formats/types';
import type { CellStatus } from '../report/types';
import { compactText } from '../text/normalise';

export interface ParsedCell {
  readonly value: number | null;
  readonly status: CellStatus;
  /** The unit printed in the cell, if any. */
  readonly unit?: string;
}

const PLACEHOLDER = /^(?:\/+|\\+|-+|_+|无|空|暂无|没有|不适用|未发生|\.|\*|×|x|X|N\/?A)$/;
const UNIT = '(件|项|个|条|次|宗|家|户|人次|人|万元|元|亿元)';
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\(?${UNIT}?\\)?$`);
const TO_WANYUAN: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/** Rounds away binary noise from unit conversion (251000 元 → 25.1 万元, not 25.100000000000001). */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

// Tables repeat the same few texts ('0', '', '/'): remember what they read as.
const cache = new Map<string, ParsedCell>();
const CACHE_LIMIT = 20_000;

export function parseCell(raw: string, fieldUnit: Unit): ParsedCell {
  const key = `${fieldUnit}\u0000${raw}`;
  let parsed = cache.get(key);
  if (!parsed) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parsed = parse(raw, fieldUnit);
    cache.set(key, parsed);
  }
  return parsed;
}

function parse(raw: string, fieldUnit: Unit): ParsedCell {
  const text = compactText(raw).replace(/[。．]$/, '');
  if (text === '') return { value: null, status: 'blank' };
  if (PLACEHOLDER.test(text)) return { value: null, status: 'placeholder' };
  const m = NUMBER.exec(text);
  if (!m) return { value: null, status: 'text' };
  const [, sign, whole, fraction, unit] = m;
  let value = Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (sign === '-') value = -value;
  if (fieldUnit === '万元' && unit && unit in TO_WANYUAN) value = tidy(value * TO_WANYUAN[unit]);
  else if (unit && unit in TO_WANYUAN && fieldUnit !== '万元') return { value: null, status: 'text', unit };
  if (Object.is(value, -0)) value = 0;
  return unit ? { value, status: 'number', unit } : { value, status: 'number' };
}

/** A cell that reads as a number (used to tell header rows from data rows). */
export function looksNumeric(raw: string): boolean {
  const text = compactText(raw);
  return text !== '' && NUMBER.test(text);
}
