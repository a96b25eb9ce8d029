/**
 * The per-report workbook read back into a Report: the workbook this project writes (convert --to
 * xlsx, template --to xlsx), also after a clerk filled it in or corrected it in Excel, WPS or
 * LibreOffice. The format is the one whose official layout (partLayout) the sheets' labels match;
 * every value cell is read where the layout puts it, as recognition reads a cell (parseCell), and
 * keeps its provenance (sheet ordinal, row, column). Meta data come from 概况, the narrative from 正文.
 * A workbook that is not such a report says what it is instead (a roster, a summary).
 */
import { partLayout, type LayoutTable } from '../formats/layout';
import { FORMAT_VERSIONS, getFormat, type Format } from '../formats/model';
import type { FormatVersion } from '../formats/types';
import { IngestError } from '../ingest/errors';
import { readWorkbookGrids, valueAt, type SheetGrid, type SheetValue } from '../ingest/xlsx/sheets';
import { findDate, yearOf } from './dates';
import { parseCell } from './values';
import type { FieldCell, FieldValue, Report, Section, SourceInfo, TableMatch } from '../report/types';
import { displayNumber } from '../text/display';
import { compactText } from '../text/normalise';
import { listOf, sheetText } from './workbook-lists';
import { withCorrection, workbookCorrections } from './workbook-corrections';
import { OVERVIEW_HEADERS, PART_TOP, partSheetName, workbookSheets } from '../formats/workbook-layout';

/** Share of a layout's labels a sheet must show to be read as that table. */
const MIN_LABEL_MATCH = 0.8;

interface PartSheet {
  readonly index: number;
  readonly grid: SheetGrid;
  readonly layout: LayoutTable;
  readonly score: number;
}

/** How many of the layout's labels the sheet shows where the layout puts them (0..1). */
function labelScore(grid: SheetGrid, layout: LayoutTable): number {
  const labels = layout.cells.filter((c) => c.role !== 'value' && c.text);
  const top = PART_TOP - 1;
  const hits = labels.filter((c) => compactText(sheetText(valueAt(grid, top + c.row, c.col))) === compactText(c.text)).length;
  return labels.length ? hits / labels.length : 0;
}

/** The sheet of each part: the one named for it, else the one whose labels fit best. */
function partSheets(sheets: readonly SheetGrid[], format: Format): PartSheet[] {
  return format.spec.parts.map((part) => {
    const layout = partLayout(format, part.id);
    const named = sheets.findIndex((s) => s.name === partSheetName(part));
    const candidates = named >= 0 ? [named] : sheets.map((_, i) => i);
    let best: PartSheet = { index: -1, grid: sheets[0], layout, score: 0 };
    for (const i of candidates) {
      const score = labelScore(sheets[i], layout);
      if (score > best.score) best = { index: i, grid: sheets[i], layout, score };
    }
    return best;
  });
}

function whatElse(sheets: readonly SheetGrid[], name: string): IngestError {
  const s = workbookSheets();
  if (sheets.some((g) => g.name === s.status || g.name.startsWith(s.totals))) return new IngestError('SUMMARY_WORKBOOK', name);
  const first = sheets[0]?.rows.slice(0, 10) ?? [];
  if (first.some((row) => row.some((v) => typeof v === 'string' && compactText(v) === '单位名称')))
    return new IngestError('ROSTER_WORKBOOK', name);
  return new IngestError('NOT_REPORT_WORKBOOK', name);
}

/** The format whose tables the workbook holds, with their sheets; an IngestError when none fits. */
function findFormat(sheets: readonly SheetGrid[], name: string): { format: Format; parts: PartSheet[] } {
  let best: { format: Format; parts: PartSheet[]; score: number } | null = null;
  for (const v of FORMAT_VERSIONS) {
    const format = getFormat(v);
    const parts = partSheets(sheets, format);
    const score = Math.min(...parts.map((p) => p.score));
    if (!best || score > best.score) best = { format, parts, score };
  }
  if (!best || best.score < MIN_LABEL_MATCH) throw whatElse(sheets, name);
  return best;
}

function readCell(
  v: SheetValue,
  unit: Parameters<typeof parseCell>[1],
  source: FieldCell['source'],
): { cell: FieldCell; value: FieldValue } {
  if (typeof v === 'number' && Number.isFinite(v)) return { cell: { raw: displayNumber(v), status: 'number', source }, value: v };
  const raw = sheetText(v);
  const parsed = parseCell(raw, unit);
  return { cell: { raw, status: parsed.status, source, ...(parsed.unit ? { unit: parsed.unit } : {}) }, value: parsed.value };
}

interface Meta {
  title: string | null;
  agency: string | null;
  issuer: string | null;
  year: number | null;
  publishDate: string | null;
  format: string | null;
}

function readMeta(sheets: readonly SheetGrid[]): Meta {
  const overview = sheets.find((s) => s.name === workbookSheets().overview);
  const o = OVERVIEW_HEADERS;
  const byKey = new Map(listOf(overview, [o.value, o.key]).map((r) => [String(r[o.key] ?? ''), r[o.value]]));
  const str = (key: string) => sheetText(byKey.get(key) ?? null) || null;
  const year = byKey.get('meta.year');
  return {
    title: str('meta.title'),
    agency: str('meta.agency'),
    issuer: str('meta.issuer'),
    year: typeof year === 'number' ? year : year ? yearOf(`${sheetText(year)}年`) : null,
    publishDate: str('meta.publishDate') ? (findDate(str('meta.publishDate')!)?.iso ?? null) : null,
    format: str('meta.format'),
  };
}

function readText(sheets: readonly SheetGrid[], format: Format): { preamble: string[]; sections: Section[] } {
  const lines = listOf(
    sheets.find((s) => s.name === workbookSheets().text),
    ['章节', '标题', '内容'],
  );
  const preamble = lines.filter((l) => l['章节'] === 0 && l['内容'] !== null).map((l) => sheetText(l['内容']));
  const sections = format.spec.sections.map((s): Section => {
    const mine = lines.filter((l) => Number(l['章节']) === s.no);
    const heading = mine.map((l) => sheetText(l['标题'])).find(Boolean) ?? null;
    return {
      no: s.no,
      id: s.id,
      official: s.heading,
      heading,
      paragraphs: mine.map((l) => sheetText(l['内容'])).filter(Boolean),
    };
  });
  return { preamble, sections };
}

/** The workbook's sheets as a Report (not yet checked: the pipeline validates it like any other). */
export function workbookReport(sheets: readonly SheetGrid[], source: SourceInfo, saved: string | null = null): Report {
  const { format, parts } = findFormat(sheets, source.name);
  const corrections = workbookCorrections(sheets, saved);
  const version: FormatVersion = format.version;
  const fields: Record<string, FieldValue> = {};
  const cells: Record<string, FieldCell> = {};
  for (const part of parts) {
    for (const c of part.layout.cells) {
      if (c.role !== 'value') continue;
      const row = PART_TOP - 1 + c.row;
      const unit = format.byKey.get(c.key!)!.unit!;
      const now = readCell(valueAt(part.grid, row, c.col), unit, { table: part.index, row, col: c.col });
      const read = withCorrection(c.key!, now, unit, corrections);
      fields[c.key!] = read.value;
      cells[c.key!] = read.cell;
    }
  }
  const meta = readMeta(sheets);
  Object.assign(fields, {
    'meta.title': meta.title,
    'meta.agency': meta.agency,
    'meta.issuer': meta.issuer,
    'meta.year': meta.year,
    'meta.publishDate': meta.publishDate,
    'meta.format': version,
  });
  for (const f of format.fields) if (!(f.key in fields)) fields[f.key] = null;
  const tables: TableMatch[] = format.tables.map((t) => ({
    spec: t.spec.id,
    tables: [parts.find((p) => p.layout.part === t.spec.part)!.index],
    rows: t.leafRows.length,
  }));
  const { preamble, sections } = readText(sheets, format);
  return {
    source,
    meta: {
      title: meta.title,
      agency: meta.agency,
      issuer: meta.issuer,
      year: meta.year,
      format: version,
      publishDate: meta.publishDate,
    },
    fields,
    cells,
    preamble,
    sections,
    tables,
    diagnostics: [],
    issues: [],
  };
}

/** Reads a workbook file's bytes into a Report (unchecked); `file` is the path as the user gave it. */
export async function readWorkbookReport(bytes: Uint8Array, name: string, file: string): Promise<Report> {
  const { sheets, saved } = await readWorkbookGrids(bytes, name);
  return workbookReport(sheets, { file, name, size: bytes.length, reader: 'xlsx' }, saved);
}
