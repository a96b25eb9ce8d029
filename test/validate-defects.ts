/**
 * Defects injected into otherwise clean reports, one at a time, for the validator's tests: each
 * says which rule must report it and which cells (if any) the finding must point at. Keys,
 * sums, headings and carries are drawn from the format description, never listed here.
 */
import { partLayout } from '../src/formats/layout';
import { expandTemplate, getFormat, overItems, type Format } from '../src/formats/model';
import type { FormatVersion, PartId } from '../src/formats/types';
import { table, type FxBlock, type FxCell } from './helpers/docx-fixture';
import { consistentValues, rng, type FxReport, type Values } from './helpers/report-fixture';

export interface Injected {
  readonly kind: string;
  /** The rule that must report the defect. */
  readonly rule: string;
  /** Keys the finding of `rule` must include (empty when the rule concerns no cell). */
  readonly keys: readonly string[];
  readonly fixture: FxReport;
}

type Random = () => number;

const AGENCIES = [
  '某某市生态环境局',
  '某某县人民政府办公室',
  '某某区教育局',
  '某某县自然资源局',
  '某某市人民政府',
  '某某镇人民政府',
  '某某街道办事处',
];

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function int(random: Random, from: number, to: number): number {
  return from + Math.floor(random() * (to - from + 1));
}

export function tableKeys(format: Format): string[] {
  return format.fields.filter((f) => f.part !== 'meta').map((f) => f.key);
}

/** Table 二 printed as one table per block, each with its caption row (as many reports do). */
function perBlock(version: FormatVersion): (rows: FxCell[][]) => FxBlock[] {
  const captions = new Set(
    getFormat(version)
      .tables.map((t) => t.spec.caption?.label)
      .filter(Boolean),
  );
  return (rows) => {
    const starts = rows.map((r, i) => (r.length === 1 && captions.has(r[0].text) ? i : -1)).filter((i) => i >= 0);
    return starts.map((start, k) => table(rows.slice(start, starts[k + 1])));
  };
}

/**
 * A clean report: consistent values, a title and date that meet the rules; the official layout,
 * or table 二 split into one table per block, and headings numbered by Word now and then.
 */
export function cleanFixture(version: FormatVersion, seed: number): FxReport {
  const random = rng(seed * 7919 + 1);
  const year = version === '2019' ? int(random, 2019, 2020) : int(random, 2021, 2024);
  return {
    version,
    year,
    agency: pick(random, AGENCIES),
    values: consistentValues(version, seed),
    autoNumberedHeadings: random() < 0.3,
    tables: random() < 0.4 ? { t2: perBlock(version) } : undefined,
  };
}

function withValues(base: FxReport, change: (v: Values) => void): FxReport {
  const values = { ...base.values! };
  change(values);
  return { ...base, values };
}

function sumDefect(base: FxReport, rule: string, random: Random): Injected {
  const format = getFormat(base.version);
  const sums = format.spec.sums.filter((s) => s.rule === rule);
  const sum = pick(random, sums);
  const item = pick(random, overItems(format, sum.over));
  const key = pick(
    random,
    [...sum.left, ...sum.right].flatMap((t) => expandTemplate(format, t, item)),
  );
  const by = int(random, 1, 9);
  return {
    kind: rule,
    rule,
    keys: [key],
    fixture: withValues(base, (v) => {
      v[key] = (v[key] as number) + by;
    }),
  };
}

/** The grid rows of a part's official layout that belong to one table spec. */
function rowsOf(format: Format, part: PartId, spec: string): Set<number> {
  return new Set(
    partLayout(format, part)
      .cells.filter((c) => c.table === spec)
      .map((c) => c.row),
  );
}

function tableMissing(base: FxReport, random: Random): Injected {
  const format = getFormat(base.version);
  const spec = pick(random, format.tables).spec;
  const drop = rowsOf(format, spec.part, spec.id);
  const keys = format.fields.filter((f) => f.table === spec.id).map((f) => f.key);
  const layout = base.tables?.[spec.part];
  const hook = (rows: FxCell[][]) => {
    const kept = rows.filter((_, i) => !drop.has(i));
    if (!kept.length) return [];
    return layout ? layout(kept) : [table(kept)];
  };
  return { kind: 'TABLE_MISSING', rule: 'TABLE_MISSING', keys, fixture: { ...base, tables: { [spec.part]: hook } } };
}

const NOT_NUMBERS = ['见附件', '十二', '约10', '若干', '未统计', '12件左右', '待定', '详见说明'];
const EMPTIES = [null, '/', '—', '-', '无', '／'];

function cellDefect(base: FxReport, rule: string, random: Random): Injected {
  const format = getFormat(base.version);
  const candidates = tableKeys(format).filter((k) => rule !== 'NEGATIVE' || !format.byKey.get(k)!.signed);
  const key = pick(random, candidates);
  const value =
    rule === 'NON_NUMERIC' ? pick(random, NOT_NUMBERS) : rule === 'BLANK_CELL' ? pick(random, EMPTIES) : -int(random, 1, 30);
  return {
    kind: rule,
    rule,
    keys: [key],
    fixture: withValues(base, (v) => {
      v[key] = value;
    }),
  };
}

function formatVersion(base: FxReport, random: Random): Injected {
  const year = base.version === '2019' ? int(random, 2021, 2024) : int(random, 2019, 2020);
  return { kind: 'FORMAT_VERSION', rule: 'FORMAT_VERSION', keys: ['meta.format'], fixture: { ...base, year } };
}

function officialHeadings(version: FormatVersion): string[] {
  return getFormat(version).spec.sections.map((s) => s.heading);
}

function sectionMissing(base: FxReport, random: Random): Injected {
  const headings = officialHeadings(base.version);
  const gone = int(random, 0, headings.length - 1);
  // The heading line is dropped; its text and table stay, under the previous section.
  return {
    kind: 'SECTION_MISSING',
    rule: 'SECTION_MISSING',
    keys: [],
    fixture: { ...base, autoNumberedHeadings: false, headings: headings.map((h, i) => (i === gone ? '' : h)) },
  };
}

function sectionHeading(base: FxReport, random: Random): Injected {
  const sections = getFormat(base.version).spec.sections;
  const section = pick(
    random,
    sections.filter((s) => s.variants.length),
  );
  const variant = pick(random, section.variants);
  return {
    kind: 'SECTION_HEADING',
    rule: 'SECTION_HEADING',
    keys: [],
    fixture: { ...base, headings: sections.map((s) => (s === section ? variant : s.heading)) },
  };
}

function title(base: FxReport, random: Random): Injected {
  const { agency, year } = base;
  const titles = [
    `${agency}${year}年政府信息公开工作年度工作报告`,
    `${agency}${year}年度政府信息公开工作报告`,
    `${agency}关于${year}年政府信息公开工作的报告`,
    `${year}年政府信息公开工作年度报告`,
    `${agency}${year}年度政府信息公开年报`,
  ];
  return { kind: 'TITLE', rule: 'TITLE', keys: ['meta.title'], fixture: { ...base, title: [pick(random, titles)] } };
}

function isCountyGovernment(agency: string): boolean {
  return agency.endsWith('人民政府') && !/[乡镇]人民政府$/.test(agency);
}

function deadline(base: FxReport, random: Random): Injected {
  const late = isCountyGovernment(base.agency!)
    ? [int(random, 4, 12), int(random, 1, 28)]
    : [int(random, 2, 12), int(random, 1, 28)];
  const closing = [base.agency!, `${base.year! + 1}年${late[0]}月${late[1]}日`];
  return { kind: 'PUBLISH_DEADLINE', rule: 'PUBLISH_DEADLINE', keys: ['meta.publishDate'], fixture: { ...base, closing } };
}

function sectionEmpty(base: FxReport, random: Random): Injected {
  const no = pick(random, [5, 6]);
  const text = pick(random, no === 5 ? [[], ['无。'], ['无'], ['暂无问题。'], ['问题较少。']] : [[], ['无。'], ['无']]);
  return { kind: 'SECTION_EMPTY', rule: 'SECTION_EMPTY', keys: [], fixture: { ...base, sectionText: { [no]: text } } };
}

/** How reports state the totals the narrative check reads (each with the section it stands in). */
export const STATEMENTS: Record<'applications' | 'review' | 'litigation', { section: number; text: (n: number) => string }[]> = {
  applications: [
    { section: 3, text: (n) => `本年度共收到政府信息公开申请${n}件，均已按时答复。` },
    { section: 3, text: (n) => `我局全年新收政府信息公开申请 ${n} 件。` },
    { section: 1, text: (n) => `全年共受理政府信息公开申请${n}件，依法按时办结。` },
    { section: 3, text: (n) => `本机关收到公民、法人或者其他组织提出的政府信息公开申请共计${n}件。` },
  ],
  review: [
    { section: 4, text: (n) => `本年度因政府信息公开工作被申请行政复议${n}件。` },
    { section: 4, text: (n) => `全年发生政府信息公开行政复议案件${n}件，提起行政诉讼情况见下表。` },
    { section: 1, text: (n) => `因政府信息公开被申请行政复议${n}件。` },
  ],
  litigation: [
    { section: 4, text: (n) => `本年度因政府信息公开工作被提起行政诉讼${n}件。` },
    { section: 4, text: (n) => `涉及政府信息公开的行政诉讼案件共${n}件。` },
  ],
};

/** The figures a statement of each kind may mean in a table (as the narrative rule allows). */
export function statedFigures(values: Values): Record<keyof typeof STATEMENTS, number[]> {
  const n = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : 0);
  return {
    applications: [n('t3.received.total'), n('t3.received.total') + n('t3.carriedOver.total'), n('t3.total.total')],
    review: [n('t4.review.total')],
    litigation: [n('t4.suitDirect.total') + n('t4.suitAfterReview.total')],
  };
}

function textMismatch(base: FxReport, random: Random): Injected {
  const kind = pick(random, Object.keys(STATEMENTS) as (keyof typeof STATEMENTS)[]);
  const statement = pick(random, STATEMENTS[kind]);
  const wrong = Math.max(...statedFigures(base.values!)[kind]) + int(random, 1, 9);
  return {
    kind: 'TEXT_TABLE_MISMATCH',
    rule: 'TEXT_TABLE_MISMATCH',
    keys: [],
    fixture: { ...base, sectionText: { [statement.section]: [statement.text(wrong)] } },
  };
}

type Maker = (base: FxReport, random: Random) => Injected;

export const DEFECTS: Record<string, Maker> = {
  T3_BALANCE: (b, r) => sumDefect(b, 'T3_BALANCE', r),
  T3_ROW_TOTAL: (b, r) => sumDefect(b, 'T3_ROW_TOTAL', r),
  T3_RESULT_TOTAL: (b, r) => sumDefect(b, 'T3_RESULT_TOTAL', r),
  T4_TOTAL: (b, r) => sumDefect(b, 'T4_TOTAL', r),
  TABLE_MISSING: tableMissing,
  NON_NUMERIC: (b, r) => cellDefect(b, 'NON_NUMERIC', r),
  BLANK_CELL: (b, r) => cellDefect(b, 'BLANK_CELL', r),
  NEGATIVE: (b, r) => cellDefect(b, 'NEGATIVE', r),
  FORMAT_VERSION: formatVersion,
  SECTION_MISSING: sectionMissing,
  SECTION_HEADING: sectionHeading,
  TITLE: title,
  PUBLISH_DEADLINE: deadline,
  SECTION_EMPTY: sectionEmpty,
  TEXT_TABLE_MISMATCH: textMismatch,
};

/** One random defect in a clean report of `version`. */
export function injectDefect(version: FormatVersion, seed: number, kind?: string): Injected {
  const random = rng(seed * 104729 + 17);
  const base = cleanFixture(version, seed);
  const make = DEFECTS[kind ?? pick(random, Object.keys(DEFECTS))];
  return make(base, random);
}

/** A clean report that also states its totals in the text, in the ways reports do. */
export function cleanFixtureWithStatements(version: FormatVersion, seed: number): FxReport {
  const base = cleanFixture(version, seed);
  const random = rng(seed * 31 + 5);
  const figures = statedFigures(base.values!);
  const text: Record<number, string[]> = {};
  for (const kind of Object.keys(STATEMENTS) as (keyof typeof STATEMENTS)[]) {
    if (random() < 0.3) continue;
    const s = pick(random, STATEMENTS[kind]);
    const n = kind === 'applications' ? pick(random, figures[kind]) : figures[kind][0];
    (text[s.section] ??= []).push(s.text(n));
  }
  for (const no of Object.keys(text)) text[Number(no)].push('各项工作依法有序开展，取得了较好成效。');
  return { ...base, sectionText: text };
}
