/**
 * CROSS_YEAR_CARRY and CROSS_YEAR_IN_FORCE: every `carry` entry of the later report's format —
 * this year's `to` = last year's `from` + Σ plus − Σ minus. An item whose keys one of the two
 * formats lacks is not checked (现行有效件数 exists only in the 2021 format).
 */
import { expandTemplate, getFormat, overItems, type Format } from '../formats/model';
import type { CarrySpec } from '../formats/types';
import type { Finding } from '../report/types';
import { finding } from './catalogue';
import type { YearRecord } from './index';
import { fieldDef, formatNumber, naming } from './names';
import { num } from './record';

interface CarryItem {
  readonly from: string;
  readonly to: string;
  readonly plus: readonly string[];
  readonly minus: readonly string[];
}

const carryCache = new Map<string, CarryItem[]>();

/** The carry's items for a pair of formats (an item whose keys one format lacks is left out). */
function carryItems(earlier: Format, later: Format, spec: CarrySpec): CarryItem[] {
  const id = `${earlier.version}>${later.version}>${later.spec.carry.indexOf(spec)}`;
  let items = carryCache.get(id);
  if (!items) {
    items = expandCarry(earlier, later, spec);
    carryCache.set(id, items);
  }
  return items;
}

function expandCarry(earlier: Format, later: Format, spec: CarrySpec): CarryItem[] {
  const out: CarryItem[] = [];
  for (const item of overItems(later, spec.over)) {
    const [from] = expandTemplate(earlier, spec.from, item);
    const [to] = expandTemplate(later, spec.to, item);
    const plus = (spec.plus ?? []).flatMap((t) => expandTemplate(later, t, item));
    const minus = (spec.minus ?? []).flatMap((t) => expandTemplate(later, t, item));
    if (from && to && plus.length === (spec.plus ?? []).length && minus.length === (spec.minus ?? []).length) {
      out.push({ from, to, plus, minus });
    }
  }
  return out;
}

/** The figures of one carry item: this year's `to`, last year's `from`, this year's plus/minus. */
interface CarryFigures {
  readonly to: number;
  readonly from: number;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
  readonly expected: number;
}

function carryFigures(earlier: YearRecord, later: YearRecord, item: CarryItem): CarryFigures {
  // Blanks count as 0, as in every sum.
  const now = (k: string) => num(later.fields, k) ?? 0;
  const from = num(earlier.fields, item.from) ?? 0;
  const plus = item.plus.map(now);
  const minus = item.minus.map(now);
  const expected = from + plus.reduce((a, b) => a + b, 0) - minus.reduce((a, b) => a + b, 0);
  return { to: now(item.to), from, plus, minus, expected };
}

function carryMessage(ef: Format, lf: Format, earlierYear: number, item: CarryItem, f: CarryFigures): string {
  const defs = [fieldDef(lf, item.to), fieldDef(ef, item.from), ...[...item.plus, ...item.minus].map((k) => fieldDef(lf, k))];
  const { where, term } = naming(lf, defs);
  const name = (k: string) => term(fieldDef(lf, k));
  const adds = [
    ...item.plus.map((k, i) => ` + ${name(k)} ${formatNumber(f.plus[i])}`),
    ...item.minus.map((k, i) => ` − ${name(k)} ${formatNumber(f.minus[i])}`),
  ];
  const text = `${name(item.to)} ${formatNumber(f.to)} ≠ ${earlierYear}年报告的${term(defs[1])} ${formatNumber(f.from)}${adds.join('')}`
    + `（相差 ${formatNumber(Math.abs(f.to - f.expected))}）`;
  return where ? `${where}：${text}` : text;
}

export function carryFindings(earlier: YearRecord, later: YearRecord): Finding[] {
  const ef = getFormat(earlier.format);
  const lf = getFormat(later.format);
  const out: Finding[] = [];
  for (const spec of lf.spec.carry) {
    const items = carryItems(ef, lf, spec);
    // A table absent from either report (not one figure) is not judged.
    if (items.every((i) => num(earlier.fields, i.from) === null) || items.every((i) => num(later.fields, i.to) === null)) continue;
    for (const item of items) {
      const f = carryFigures(earlier, later, item);
      if (Math.abs(f.to - f.expected) < 1e-6) continue;
      out.push(finding(spec.rule, carryMessage(ef, lf, earlier.year!, item, f), [item.to, ...item.plus, ...item.minus]));
    }
  }
  return out;
}
