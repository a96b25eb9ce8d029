/**
 * Varied reports for accuracy measurements and the benchmark: both formats, and per seed a random
 * mix of the layout quirks real reports have (each also pinned by its own test in
 * recognise-quirks.test.ts), so combinations no single test builds are read too.
 */
import { getFormat } from '../../src/formats/model';
import { cell, p, table, type FxBlock, type FxCell } from './docx-fixture';
import { consistentValues, OFFICIAL_HEADINGS, rng, type FxReport, type Values } from './report-fixture';

const AGENCIES = [
  '某某市生态环境局',
  '某某县人民政府',
  '某某区住房和城乡建设局',
  '某某镇人民政府',
  '某某经济开发区管理委员会',
  '某某市人力资源和社会保障局',
];

type RowsQuirk = (rows: FxCell[][]) => FxCell[][];

const rowIndex = (rows: FxCell[][], label: string) => rows.findIndex((r) => r.some((c) => c.text === label));

/** Table 二: one table per block. */
function perBlock(rows: FxCell[][]): FxBlock[] {
  const starts = rows.map((r, i) => (r.length === 1 && r[0].text.startsWith('第二十条') ? i : -1)).filter((i) => i >= 0);
  return starts.map((s, k) => table(rows.slice(s, starts[k + 1])));
}

/** Table 三 over two tables, the header repeated. */
function splitWithHeader(rows: FxCell[][]): FxBlock[] {
  const at = rowIndex(rows, '（四）无法提供');
  const first = rows.slice(0, at).map((r) => r.map((c) => (c.text === '三、本年度办理结果' ? { ...c, rowSpan: at - 5 } : c)));
  const second = [
    ...rows.slice(0, 3),
    [cell('三、本年度办理结果', { rowSpan: rows.length - at - 1 }), ...rows[at]],
    ...rows.slice(at + 1),
  ];
  return [table(first), p(''), table(second)];
}

/** Header texts broken by line breaks, units or notes. */
const relabel =
  (map: Record<string, string>): RowsQuirk =>
  (rows) =>
    rows.map((r) => r.map((c) => (map[c.text] ? { ...c, text: map[c.text] } : c)));

/** An extra 序号 column on the left of table 三. */
const numberColumn: RowsQuirk = (rows) =>
  rows.map((r, i) => [...(i === 0 ? [cell('序号', { rowSpan: 3 })] : i < 3 ? [] : [cell(String(i - 2))]), ...r]);

const QUIRKS_T2: RowsQuirk[] = [
  relabel({
    本年新制作数量: '本年新\n制作数量',
    本年制发件数: '本年\n制发件数',
    '本年增/减': '本年增/减（减少用负值表示）',
    规章: '规章（设区的市级以上人民政府应提供）',
  }),
  relabel({ 行政规范性文件: '规范性文件' }),
];
const QUIRKS_T3: RowsQuirk[] = [numberColumn, relabel({ 自然人: '自然人（件）', 商业企业: '商业\n企业', 总计: '合计' })];

/** Cell texts as clerks type them: signs, full-width digits, units, placeholders. */
function rawValues(values: Values, random: () => number): Values {
  const out = { ...values };
  for (const [k, v] of Object.entries(values)) {
    if (typeof v !== 'number' || random() > 0.08) continue;
    const forms = [`${v}件`, String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), `${v} `];
    out[k] = forms[Math.floor(random() * forms.length)];
  }
  return out;
}

export interface CorpusReport {
  readonly fixture: FxReport;
  /** The fields the report must give (raw cell texts in the fixture, their values here). */
  readonly expected: Values;
}

export function corpusReport(seed: number): CorpusReport {
  const random = rng(seed * 7919);
  const version = seed % 2 ? '2019' : '2021';
  const agency = AGENCIES[seed % AGENCIES.length];
  const year = version === '2019' ? 2019 + (seed % 2) : 2021 + (seed % 4);
  const expected: Values = consistentValues(version, seed, 1 + (seed % 9));
  let values = rawValues(expected, random);
  if (version === '2019' && random() < 0.5) {
    const amount = expected['t2.procurement.amount'] as number;
    values = { ...values, 't2.procurement.amount': `${Math.round(amount * 10000)}元` };
  }
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const t2Rows = random() < 0.5 ? pick(QUIRKS_T2) : (r: FxCell[][]) => r;
  const t3Rows = random() < 0.4 ? pick(QUIRKS_T3) : (r: FxCell[][]) => r;
  const fixture: FxReport = {
    version,
    agency,
    year,
    values,
    tables: {
      t2: (rows) => (random() < 0.4 ? perBlock(t2Rows(rows)) : [table(t2Rows(rows))]),
      t3: (rows) => (random() < 0.3 ? splitWithHeader(t3Rows(rows)) : [table(t3Rows(rows))]),
    },
    autoNumberedHeadings: random() < 0.3,
    headings: random() < 0.4 ? getFormat('2021').spec.sections.map((s) => pick([s.heading, ...s.variants])) : OFFICIAL_HEADINGS,
    title: random() < 0.3 ? [agency, `${year}年政府信息公开工作年度报告`] : undefined,
    closing: [agency, random() < 0.5 ? `${year + 1}年1月${10 + (seed % 20)}日` : `${year + 1}-01-${10 + (seed % 20)}`],
  };
  return { fixture, expected: { ...expected, 'meta.agency': agency, 'meta.year': year, 'meta.format': version } };
}
