/**
 * CROSS_YEAR_CARRY and CROSS_YEAR_IN_FORCE: every `carry` entry of the later report's format —
 * this year's `to` = last year's `from` + Σ plus − Σ minus. An item whose keys one of the two
 * formats lacks is not checked (现行有效件数 exists only in the 2021 format).
 */
import { carryItems, getFormat, isComplete, type CompleteCarryItem, type Format } from '../formats/model';
import type { Finding } from '../report/types';
import { finding } from './catalogue';
import type { YearRecord } from './year-record';
import { fieldDef, naming } from './names';
import { displayNumber } from '../text/display';
import { num } from './record';

/** The figures of one carry item: this year's `to`, last year's `from`, this year's plus/minus. */
interface CarryFigures {
  readonly to: number;
  readonly from: number;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
  readonly expected: number;
}

function carryFigures(earlier: YearRecord, later: YearRecord, item: CompleteCarryItem): CarryFigures {
  // Blanks count as 0, as in every sum.
  const now = (k: string) => num(later.fields, k) ?? 0;
  const from = num(earlier.fields, item.from) ?? 0;
  const plus = item.plus.map(now);
  const minus = item.minus.map(now);
  const expected = from + plus.reduce((a, b) => a + b, 0) - minus.reduce((a, b) => a + b, 0);
  return { to: now(item.to), from, plus, minus, expected };
}

function carryMessage(ef: Format, lf: Format, earlierYear: number, item: CompleteCarryItem, f: CarryFigures): string {
  const defs = [fieldDef(lf, item.to), fieldDef(ef, item.from), ...[...item.plus, ...item.minus].map((k) => fieldDef(lf, k))];
  const { where, term } = naming(lf, defs);
  const name = (k: string) => term(fieldDef(lf, k));
  const adds = [
    ...item.plus.map((k, i) => ` + ${name(k)} ${displayNumber(f.plus[i])}`),
    ...item.minus.map((k, i) => ` − ${name(k)} ${displayNumber(f.minus[i])}`),
  ];
  const text =
    `${name(item.to)} ${displayNumber(f.to)} ≠ ${earlierYear}年报告的${term(defs[1])} ${displayNumber(f.from)}${adds.join('')}` +
    `（相差 ${displayNumber(Math.abs(f.to - f.expected))}）`;
  return where ? `${where}：${text}` : text;
}

export function carryFindings(earlier: YearRecord, later: YearRecord): Finding[] {
  const ef = getFormat(earlier.format);
  const lf = getFormat(later.format);
  const out: Finding[] = [];
  for (const spec of lf.spec.carry) {
    const items = carryItems(ef, lf, spec).filter(isComplete);
    // A table absent from either report (not one figure) is not judged.
    if (items.every((i) => num(earlier.fields, i.from) === null) || items.every((i) => num(later.fields, i.to) === null))
      continue;
    for (const item of items) {
      const f = carryFigures(earlier, later, item);
      if (Math.abs(f.to - f.expected) < 1e-6) continue;
      out.push(finding(spec.rule, carryMessage(ef, lf, earlier.year!, item, f), [item.to, ...item.plus, ...item.minus]));
    }
  }
  return out;
}
