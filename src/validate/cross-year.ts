/**
 * The cross-year rules over a batch: reports of one agency (agency.ts) in consecutive years are
 * paired, and each pair is checked against the `carry` entries of the later report's format
 * (CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE) and for jumps (YOY_JUMP). Several reports of one agency
 * and year pair only when they hold the same figures (the same report twice); otherwise that year
 * is left unpaired, since we cannot tell which one is meant.
 */
import { expandTemplate, getFormat, overItems, type Format } from '../formats/model';
import type { CarrySpec } from '../formats/types';
import type { FieldValue, Finding } from '../report/types';
import { agencyKey } from './agency';
import { finding, ruleParams } from './catalogue';
import type { CrossYearPair, CrossYearResult, UnpairedRecord, YearRecord } from './index';
import { fieldDef, formatNumber, naming } from './names';

type Identity = Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;

interface YearGroup {
  readonly year: number;
  readonly records: readonly YearRecord[];
  readonly consistent: boolean;
}

function identity(r: YearRecord): Identity {
  return { id: r.id, file: r.file, agency: r.agency, year: r.year };
}

function num(fields: Readonly<Record<string, FieldValue>>, key: string): number | null {
  const v = fields[key];
  return typeof v === 'number' ? v : null;
}

function tableFigures(r: YearRecord): string {
  const keys = Object.keys(r.fields).filter((k) => !k.startsWith('meta.') && typeof r.fields[k] === 'number').sort();
  return `${r.format}|${keys.map((k) => `${k}=${r.fields[k]}`).join(',')}`;
}

// ---- carry (CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE) ----

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

function carryFindings(earlier: YearRecord, later: YearRecord): Finding[] {
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

// ---- YOY_JUMP ----

interface JumpParams {
  readonly keys: readonly string[];
  readonly minValue: number;
  readonly factor: number;
}

// Keys compared for jumps, by format pair: expanding templates costs more than comparing.
const jumpKeyCache = new Map<string, string[]>();

function jumpKeys(earlier: Format, later: Format, params: JumpParams): string[] {
  const id = `${earlier.version}>${later.version}`;
  let keys = jumpKeyCache.get(id);
  if (!keys) {
    const all = [...new Set(params.keys.flatMap((t) => expandTemplate(later, t, '')))];
    keys = all.filter((k) => {
      const def = later.byKey.get(k)!;
      return earlier.byKey.has(k) && def.type === 'int' && !def.signed;
    });
    jumpKeyCache.set(id, keys);
  }
  return keys;
}

function change(before: number, after: number): string {
  if (before === 0) return `由 0 增至 ${formatNumber(after)}`;
  if (after === 0) return `由 ${formatNumber(before)} 降至 0`;
  const ratio = after > before ? after / before : before / after;
  return after > before ? `增至 ${ratio.toFixed(1)} 倍` : `降至 1/${ratio.toFixed(1)}`;
}

function jumpFindings(earlier: YearRecord, later: YearRecord): Finding[] {
  const params = ruleParams<JumpParams>('YOY_JUMP');
  const lf = getFormat(later.format);
  const out: Finding[] = [];
  for (const key of jumpKeys(getFormat(earlier.format), lf, params)) {
    const before = num(earlier.fields, key);
    const after = num(later.fields, key);
    if (before === null || after === null || before < 0 || after < 0) continue;
    const [low, high] = before < after ? [before, after] : [after, before];
    if (high < params.minValue || (low > 0 && high <= low * params.factor)) continue;
    const where = fieldDef(lf, key).where;
    out.push(finding('YOY_JUMP', `${where}：${earlier.year}年 ${formatNumber(before)} → ${later.year}年 ${formatNumber(after)}（${change(before, after)}），请核实`, [key]));
  }
  return out;
}

// ---- pairing ----

function groupsByAgency(records: readonly YearRecord[], unpaired: UnpairedRecord[]): Map<string, Map<number, YearRecord[]>> {
  const groups = new Map<string, Map<number, YearRecord[]>>();
  for (const r of records) {
    const key = agencyKey(r.agency);
    if (!key) {
      unpaired.push({ ...identity(r), reason: 'no-agency', note: '未识别出机关名称，无法与其他年度配对' });
      continue;
    }
    if (r.year === null) {
      unpaired.push({ ...identity(r), reason: 'no-year', note: '未识别出报告年度，无法与其他年度配对' });
      continue;
    }
    const years = groups.get(key) ?? new Map<number, YearRecord[]>();
    years.set(r.year, [...(years.get(r.year) ?? []), r]);
    groups.set(key, years);
  }
  return groups;
}

function yearGroups(years: Map<number, YearRecord[]>): YearGroup[] {
  return [...years]
    .sort((a, b) => a[0] - b[0])
    .map(([year, recs]) => ({ year, records: recs, consistent: recs.length === 1 || new Set(recs.map(tableFigures)).size === 1 }));
}

export function pairAndCheck(records: readonly YearRecord[]): CrossYearResult {
  const unpaired: UnpairedRecord[] = [];
  const pairs: CrossYearPair[] = [];
  const findings = new Map<string, Finding[]>();
  for (const [agencyKey, years] of groupsByAgency(records, unpaired)) {
    const groups = yearGroups(years);
    for (const g of groups) {
      if (!g.consistent) {
        for (const r of g.records) unpaired.push({ ...identity(r), reason: 'duplicate', note: `同一机关同一年度有 ${g.records.length} 份数据不同的报告，无法确定与哪一份配对` });
      }
    }
    for (let i = 1; i < groups.length; i++) {
      const [prev, next] = [groups[i - 1], groups[i]];
      if (next.year !== prev.year + 1 || !prev.consistent || !next.consistent) continue;
      const earlier = prev.records[0];
      const later = next.records[0];
      const found = [...carryFindings(earlier, later), ...jumpFindings(earlier, later)];
      pairs.push({ agencyKey, earlier: identity(earlier), later: identity(later), findings: found });
      for (const r of next.records) findings.set(r.id, [...(findings.get(r.id) ?? []), ...found]);
    }
  }
  return { pairs, findings, unpaired };
}
