/**
 * 跨年核对: for every pair of reports the cross-year rules formed (same agency, consecutive years),
 * the figures each carry of the format description compares — last year's value, this year's
 * additions and removals, this year's value — with the verdict of the validator's findings, then
 * the pair's other findings (YOY_JUMP…), then the reports the rules could not pair and why.
 * The verdict is never recomputed here.
 */
import { carryItems, getFormat } from '../../formats/model';
import type { CarrySpec } from '../../formats/types';
import type { Finding, Severity } from '../../report/types';
import type { CrossYearPair, CrossYearResult, UnpairedRecord, YearRecord } from '../../validate';
import { ruleTitle, severityFill, severityLabel, whereText } from './findings';
import type { ListColumn } from './list-sheet';

interface YearFile {
  readonly year: number | null;
  readonly file: string;
}

/** Who is compared: a pair, or a report left out of pairing (then only `later` is set). */
export interface CrossYearWho {
  readonly no: number;
  readonly agency: string | null;
  readonly earlier?: YearFile;
  readonly later: YearFile;
}

/** What is compared and the verdict. */
export interface CrossYearCheck {
  readonly rule: string;
  readonly item: string;
  readonly before: unknown;
  readonly plus: unknown;
  readonly minus: unknown;
  readonly now: unknown;
  readonly severity?: Severity;
  /** Overrides the verdict column (未配对). */
  readonly verdict?: string;
  readonly message: string;
}

export type CrossYearLine = CrossYearWho & CrossYearCheck;

export const NO_FINDING = '未发现问题';
export const UNPAIRED = '未配对';

export const CROSS_YEAR_COLUMNS: readonly ListColumn<CrossYearLine>[] = [
  { header: '序号', width: 7, value: (l) => l.no },
  { header: '发布机关', width: 24, value: (l) => l.agency, text: true },
  { header: '上年年度', width: 8, value: (l) => l.earlier?.year },
  { header: '上年文件', width: 28, value: (l) => l.earlier?.file, text: true },
  { header: '本年年度', width: 8, value: (l) => l.later.year },
  { header: '本年文件', width: 28, value: (l) => l.later.file, text: true },
  { header: '规则', width: 20, value: (l) => l.rule },
  { header: '规则名称', width: 20, value: (l) => ruleTitle(l.rule), text: true },
  { header: '核对项', width: 40, value: (l) => l.item, text: true },
  { header: '上年值', width: 9, value: (l) => l.before },
  { header: '本年增加', width: 9, value: (l) => l.plus },
  { header: '本年减少', width: 9, value: (l) => l.minus },
  { header: '本年值', width: 9, value: (l) => l.now },
  {
    header: '结果',
    width: 10,
    value: (l) => l.verdict ?? (l.severity ? severityLabel(l.severity) : NO_FINDING),
    fill: (l) => l.severity && severityFill(l.severity),
  },
  { header: '说明', width: 60, value: (l) => l.message, text: true },
];

type Fields = YearRecord['fields'];

function sum(fields: Fields, keys: readonly string[]): number | null {
  const values = keys.map((k) => fields[k]).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

function worst(findings: readonly Finding[]): Severity | undefined {
  return findings.find((f) => f.severity === 'error')?.severity ?? findings[0]?.severity;
}

/** Rows of one carry spec for one pair; `used` collects the findings a row shows. */
function carryChecks(
  spec: CarrySpec,
  earlier: YearRecord,
  later: YearRecord,
  findings: readonly Finding[],
  used: Set<Finding>,
): CrossYearCheck[] {
  const now = getFormat(later.format);
  const before = getFormat(earlier.format);
  const checks: CrossYearCheck[] = [];
  for (const { from, to, plus, minus } of carryItems(before, now, spec)) {
    if (!from || !to) continue;
    const mine = findings.filter((f) => f.rule === spec.rule && f.fields.includes(to));
    mine.forEach((f) => used.add(f));
    checks.push({
      rule: spec.rule,
      item: whereText(now, [to]),
      before: earlier.fields[from],
      plus: sum(later.fields, plus),
      minus: sum(later.fields, minus),
      now: later.fields[to],
      severity: worst(mine),
      message: mine.map((f) => f.message).join('\n'),
    });
  }
  return checks;
}

/** A finding no carry row showed (YOY_JUMP…): its cells, and both years' values for one cell. */
function findingCheck(f: Finding, earlier: YearRecord | undefined, later: YearRecord | undefined): CrossYearCheck {
  const single = f.fields.length === 1 ? f.fields[0] : undefined;
  return {
    rule: f.rule,
    item: whereText(later ? getFormat(later.format) : undefined, f.fields),
    before: single ? earlier?.fields[single] : null,
    plus: null,
    minus: null,
    now: single ? later?.fields[single] : null,
    severity: f.severity,
    message: f.message,
  };
}

/** All rows of one pair; records are looked up by the ids the pair names. */
export function pairLines(pair: CrossYearPair, no: number, records: ReadonlyMap<string, YearRecord>): CrossYearLine[] {
  const who: CrossYearWho = {
    no,
    agency: pair.later.agency ?? pair.earlier.agency ?? pair.agencyKey,
    earlier: pair.earlier,
    later: pair.later,
  };
  const earlier = records.get(pair.earlier.id);
  const later = records.get(pair.later.id);
  const used = new Set<Finding>();
  const carried =
    earlier && later
      ? getFormat(later.format).spec.carry.flatMap((spec) => carryChecks(spec, earlier, later, pair.findings, used))
      : [];
  const others = pair.findings.filter((f) => !used.has(f)).map((f) => findingCheck(f, earlier, later));
  return [...carried, ...others].map((check) => ({ ...who, ...check }));
}

/** Every row of 跨年核对: the pairs' rows, then the reports left unpaired. */
export function* crossYearLines(cross: CrossYearResult | undefined, records: readonly YearRecord[]): Generator<CrossYearLine> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const pairs = cross?.pairs ?? [];
  for (const [i, pair] of pairs.entries()) yield* pairLines(pair, i + 1, byId);
  for (const [i, u] of (cross?.unpaired ?? []).entries()) yield unpairedLine(u, pairs.length + i + 1);
}

/** A report the cross-year rules could not pair, with the reason they give. */
export function unpairedLine(u: UnpairedRecord, no: number): CrossYearLine {
  return {
    no,
    agency: u.agency,
    later: u,
    rule: '',
    item: '',
    before: null,
    plus: null,
    minus: null,
    now: null,
    verdict: UNPAIRED,
    message: u.note,
  };
}
