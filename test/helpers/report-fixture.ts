/**
 * Whole reports for tests: field values that satisfy every sum of the format (from the format
 * description, so a clean report is clean by construction), the official tables laid out from
 * templates/, and a document around them that a quirk test can bend one piece at a time.
 */
import { getFormat } from '../../src/formats/model';
import { partLayout } from '../../src/formats/layout';
import type { FormatVersion, PartId } from '../../src/formats/types';
import { cell, p, table, type FxBlock, type FxCell } from './docx-fixture';

export type Values = Record<string, number | string | null>;

/** A small deterministic random generator (mulberry32), so fixtures are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Table values of one format that satisfy T3_BALANCE, T3_ROW_TOTAL, T3_RESULT_TOTAL and T4_TOTAL. */
export function consistentValues(version: FormatVersion, seed = 1, max = 6): Values {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * (n + 1));
  const format = getFormat(version);
  const values: Values = {};
  for (const t of format.tables) {
    if (t.spec.part !== 't2') continue;
    for (const f of format.fields.filter((x) => x.table === t.spec.id)) {
      values[f.key] = f.type === 'decimal' ? Math.round(random() * 100000) / 100 : f.signed ? int(40) - 20 : int(600);
    }
  }
  const t3 = format.tables.find((t) => t.spec.id === 't3')!;
  const columns = t3.leafColumns.map((c) => c.ids.join('.')).filter((c) => c !== 'total');
  const results = t3.leafRows
    .map((r) => r.ids.join('.'))
    .filter((r) => !['received', 'carriedOver', 'total', 'carriedForward'].includes(r));
  for (const c of columns) {
    let total = 0;
    for (const r of results) {
      const v = int(max);
      values[`t3.${r}.${c}`] = v;
      total += v;
    }
    const forward = int(3);
    const over = int(Math.min(3, total + forward));
    values[`t3.total.${c}`] = total;
    values[`t3.carriedForward.${c}`] = forward;
    values[`t3.carriedOver.${c}`] = over;
    values[`t3.received.${c}`] = total + forward - over;
  }
  for (const r of t3.leafRows) {
    const row = r.ids.join('.');
    values[`t3.${row}.total`] = columns.reduce((s, c) => s + (values[`t3.${row}.${c}`] as number), 0);
  }
  for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((k) => {
      const v = int(3);
      values[`t4.${g}.${k}`] = v;
      return v;
    });
    values[`t4.${g}.total`] = parts.reduce((a, b) => a + b, 0);
  }
  return values;
}

/** How a value is printed in a cell: numbers as digits, null as blank, strings as given (raw). */
export function printed(v: number | string | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The official rows of one part, as origin cells, with the given values in the value cells. */
export function officialRows(version: FormatVersion, part: PartId, values: Values): FxCell[][] {
  const layout = partLayout(getFormat(version), part);
  const rows: FxCell[][] = Array.from({ length: layout.height }, () => []);
  const sorted = [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of sorted) {
    const text = c.role === 'value' ? printed(values[c.key!]) : c.text;
    rows[c.row].push(
      cell(text, { colSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined }),
    );
  }
  return rows;
}

export interface FxReport {
  readonly version: FormatVersion;
  readonly agency?: string;
  readonly year?: number;
  readonly values?: Values;
  /** Title paragraphs; default one line `{agency}{year}年政府信息公开工作年度报告`. */
  readonly title?: readonly string[];
  /** The six headings as printed (default the official ones). */
  readonly headings?: readonly string[];
  /** Word auto-numbering for the headings: their 一、 is not in the text. */
  readonly autoNumberedHeadings?: boolean;
  /** Replace the official table blocks of a part (quirks); default one table per part. */
  readonly tables?: Partial<Record<PartId, (rows: FxCell[][]) => FxBlock[]>>;
  /** Signature block paragraphs; default issuer and `{year+1}年1月28日`. */
  readonly closing?: readonly string[];
  readonly sectionText?: Partial<Record<number, readonly string[]>>;
}

export const OFFICIAL_HEADINGS = getFormat('2021').spec.sections.map((s) => s.heading);

export function reportBlocks(r: FxReport): FxBlock[] {
  const agency = r.agency ?? '某某县人民政府';
  const year = r.year ?? (r.version === '2019' ? 2020 : 2022);
  const values = r.values ?? consistentValues(r.version);
  const headings = r.headings ?? OFFICIAL_HEADINGS;
  const blocks: FxBlock[] = (r.title ?? [`${agency}${year}年政府信息公开工作年度报告`]).map((t) =>
    p(t, { center: true, bold: true }),
  );
  blocks.push(p(`根据《中华人民共和国政府信息公开条例》规定，现公布${agency}${year}年政府信息公开工作年度报告。`));
  const partOf: Record<number, PartId> = { 2: 't2', 3: 't3', 4: 't4' };
  headings.forEach((heading, i) => {
    const no = i + 1;
    const text = r.autoNumberedHeadings ? heading.replace(/^[一二三四五六]、/, '') : heading;
    blocks.push(p(text, { bold: true, autoNumber: r.autoNumberedHeadings }));
    const body = r.sectionText?.[no] ?? [
      `${heading.replace(/^[一二三四五六]、/, '')}方面，本机关依法认真开展工作，全年情况良好，各项工作按计划推进。`,
    ];
    blocks.push(...body.map((t) => p(t)));
    const part = partOf[no];
    if (part) {
      const rows = officialRows(r.version, part, values);
      blocks.push(...(r.tables?.[part]?.(rows) ?? [table(rows)]));
    }
  });
  blocks.push(...(r.closing ?? [agency, `${year + 1}年1月28日`]).map((t) => p(t)));
  return blocks;
}
