/**
 * T3_BALANCE, T3_ROW_TOTAL, T3_RESULT_TOTAL, T4_TOTAL: every `sums` entry of the report's format,
 * evaluated over its `over` items. Blanks count as 0; a sum with a cell that was not found at all
 * is not judged (TABLE_MISSING reports the missing cells).
 */
import { expandTemplate, getFormat, overItems, type Format } from '../formats/model';
import type { SumSpec } from '../formats/types';
import type { Finding, Report } from '../report/types';
import { finding } from './catalogue';
import { fieldDef, figure, isBlankLike, naming, sumValue } from './names';
import { displayNumber } from '../text/display';

/** Beyond this many terms, zero terms are summarised instead of listed. */
const MAX_LISTED_TERMS = 6;

interface SumInstance {
  readonly rule: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

function instances(format: Format, sum: SumSpec): SumInstance[] {
  return overItems(format, sum.over).map((item) => ({
    rule: sum.rule,
    left: sum.left.flatMap((t) => expandTemplate(format, t, item)),
    right: sum.right.flatMap((t) => expandTemplate(format, t, item)),
  }));
}

function side(report: Report, keys: readonly string[], term: (key: string) => string): string {
  const listed = keys.length > MAX_LISTED_TERMS ? keys.filter((k) => sumValue(report, k) !== 0) : keys;
  const parts = listed.map((k) => `${term(k)} ${figure(report, k)}`);
  const rest = keys.length - listed.length;
  if (rest) parts.push(`其余 ${rest} 项均为 0 或空白`);
  return parts.length ? parts.join(' + ') : '0';
}

function message(format: Format, report: Report, s: SumInstance, l: number, r: number): string {
  const { where, term } = naming(
    format,
    [...s.left, ...s.right].map((k) => fieldDef(format, k)),
  );
  const name = (k: string) => term(fieldDef(format, k));
  const blanks = [...s.left, ...s.right].some((k) => isBlankLike(report, k)) ? '（空白按 0 计）' : '';
  const text = `${side(report, s.left, name)} ≠ ${side(report, s.right, name)}（相差 ${displayNumber(Math.abs(l - r))}）${blanks}`;
  return where ? `${where}：${text}` : text;
}

function total(report: Report, keys: readonly string[]): number {
  return keys.reduce((n, k) => n + sumValue(report, k), 0);
}

// The expanded sums of each format: expanding key templates costs more than checking them.
const expanded = new Map<Format, SumInstance[]>();

function allInstances(format: Format): SumInstance[] {
  let list = expanded.get(format);
  if (!list) {
    list = format.spec.sums.flatMap((sum) => instances(format, sum));
    expanded.set(format, list);
  }
  return list;
}

export function sumFindings(report: Report): Finding[] {
  const format = getFormat(report.meta.format);
  const out: Finding[] = [];
  for (const s of allInstances(format)) {
    const keys = [...s.left, ...s.right];
    if (!s.left.length || !s.right.length) continue;
    if (keys.some((k) => (report.cells[k]?.status ?? 'missing') === 'missing')) continue;
    const l = total(report, s.left);
    const r = total(report, s.right);
    if (Math.abs(l - r) < 1e-6) continue;
    out.push(finding(s.rule, message(format, report, s, l, r), keys));
  }
  return out;
}
