/**
 * Finds the official tables in a Document by their labels, wherever and however they are laid
 * out: one table or several, captions as rows or paragraphs, headers over one or more rows,
 * tables split across pages with or without a repeated header, extra or empty columns, label
 * columns merged in different ways. Produces every field value with its raw text and source cell.
 */
import type { LeafColumn, LeafRow } from '../formats/model';
import { fieldKey, getFormat } from '../formats/model';
import type { Document, Table } from '../document/types';
import type { FieldCell, Finding, TableMatch } from '../report/types';
import { compactText, isBlankText } from '../text/normalise';
import { matchLeaf } from './leaf-match';
import { formatIndex, type FormatIndex, type SpecIndex } from './spec-index';
import { unmatchedRowFindings, type UnmatchedRow } from './unmatched-rows';
import { looksNumeric, parseCell } from './values';
import type { FormatVersion } from '../formats/types';

export interface ReadCell extends FieldCell {
  readonly value: number | null;
}

export interface TableReading {
  readonly version: FormatVersion;
  readonly cells: Map<string, ReadCell>;
  readonly matches: TableMatch[];
  readonly diagnostics: Finding[];
}

/**
 * A numbered item (1. 2、 （三）) after white space, or typed straight after a word of the label
 * before it (（六）其他处理3.其他), starts a second label in one cell.
 */
const NUMBERED_PART =
  /\s+(?=\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])|(?<=[\p{Script=Han}）)”])(?=\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)])/u;

interface ColumnMap {
  readonly leaves: Map<LeafColumn, number[]>;
  readonly valueColumns: Set<number>;
}

interface Band {
  readonly table: Table;
  readonly rows: number[];
  maps: Map<SpecIndex, ColumnMap>;
}

/** Distinct cells of a grid row, left to right (cells reaching down from rows above included). */
function rowCells(table: Table, r: number): number[] {
  const out: number[] = [];
  for (const i of table.grid[r]) if (i >= 0 && out[out.length - 1] !== i && !out.includes(i)) out.push(i);
  return out;
}

function textOf(table: Table, i: number): string {
  return table.cells[i].text;
}

const isBlank = isBlankText;

/** The distinct non-blank cell texts of the header rows. */
function bandTexts(table: Table, rows: readonly number[]): string[] {
  const ids = new Set<number>();
  for (const r of rows) for (const i of table.grid[r]) if (i >= 0) ids.add(i);
  return [...ids].map((i) => textOf(table, i)).filter((t) => !isBlank(t));
}

function mapColumns(spec: SpecIndex, table: Table, rows: readonly number[]): ColumnMap {
  const leaves = new Map<LeafColumn, number[]>();
  const valueColumns = new Set<number>();
  const taken = new Set<LeafColumn>();
  let previous: { cell: number; leaf?: LeafColumn } | undefined;
  for (let c = 0; c < table.width; c++) {
    const ids: number[] = [];
    for (const r of rows) {
      const i = table.grid[r][c];
      if (i >= 0 && !ids.includes(i)) ids.push(i);
    }
    const segments = ids.map((i) => textOf(table, i)).filter((t) => !isBlank(t));
    const bottom = ids[ids.length - 1];
    let leaf: LeafColumn | undefined;
    if (previous && (previous.cell === bottom || !segments.length)) {
      // A header cell spanning several grid columns is one column of the format; so is a column
      // with no header at all next to it (a single-value column whose cells were not merged).
      leaf = previous.leaf;
    } else {
      leaf = matchLeaf(spec.leafColumns, segments, { stripNumbering: false, taken });
      if (leaf && taken.has(leaf)) leaf = undefined;
    }
    previous = { cell: bottom, leaf };
    if (!leaf) continue;
    taken.add(leaf);
    leaves.set(leaf, [...(leaves.get(leaf) ?? []), c]);
    valueColumns.add(c);
  }
  return { leaves, valueColumns };
}

class TableReader {
  readonly cells = new Map<string, ReadCell>();
  readonly diagnostics: Finding[] = [];
  readonly unmatched: UnmatchedRow[] = [];
  private readonly found = new Map<SpecIndex, { tables: Set<number>; rows: number }>();
  private band: Band | undefined;
  private caption: SpecIndex | undefined;
  private lastRowWasHeader = false;

  constructor(private readonly index: FormatIndex) {}

  captionParagraph(text: string): void {
    const spec = this.captionOf(text);
    if (spec) {
      this.caption = spec;
      this.band = undefined;
    }
  }

  table(table: Table): void {
    if (this.band && this.band.table.width !== table.width) this.band = undefined;
    this.lastRowWasHeader = false;
    for (let r = 0; r < table.height; r++) this.row(table, r);
  }

  private captionOf(text: string): SpecIndex | undefined {
    if (compactText(text).length > 40) return undefined;
    const hits = this.index.captions.find(text, false);
    return hits.length === 1 ? hits[0] : undefined;
  }

  private row(table: Table, r: number): void {
    const ids = rowCells(table, r);
    const texts = ids.map((i) => textOf(table, i)).filter((t) => !isBlank(t));
    if (!texts.length) {
      // An empty row right under a header is the data row of a table without row labels (四).
      if (this.lastRowWasHeader && this.band) this.dataRow(table, r);
      this.lastRowWasHeader = false;
      return;
    }
    const caption = texts.length === 1 ? this.captionOf(texts[0]) : undefined;
    if (caption) {
      this.caption = caption;
      this.band = undefined;
      this.lastRowWasHeader = false;
      return;
    }
    const numeric = texts.some(looksNumeric);
    if (!numeric && (this.isHeader(texts) || (this.lastRowWasHeader && !this.rowLabelKnown(table, r)))) {
      this.extendBand(table, r);
      this.lastRowWasHeader = true;
      return;
    }
    this.lastRowWasHeader = false;
    if (this.band) this.dataRow(table, r);
  }

  private isHeader(texts: readonly string[]): boolean {
    for (const spec of this.index.specs) {
      let matches = 0;
      let corner = false;
      for (const t of texts) {
        const hit = spec.headerLabels.find(t, false);
        if (hit.length) {
          matches++;
          if (hit.includes(spec.model.spec.corner!)) corner = true;
        }
      }
      if (matches >= 2 || (matches === 1 && (corner || texts.length === 1))) return true;
    }
    return false;
  }

  private rowLabelKnown(table: Table, r: number): boolean {
    return !!this.band && [...this.band.maps].some(([spec, map]) => this.matchRow(spec, map, table, r));
  }

  private extendBand(table: Table, r: number): void {
    const continuing = this.band && this.lastRowWasHeader && this.band.table === table;
    const rows = continuing ? [...this.band!.rows, r] : [r];
    const texts = bandTexts(table, rows);
    const maps = new Map<SpecIndex, ColumnMap>();
    for (const spec of this.index.specs) {
      // Only tables with at least one of their header labels printed here are worth mapping.
      if (!texts.some((t) => spec.headerLabels.find(t, false).length)) continue;
      const map = mapColumns(spec, table, rows);
      if (map.leaves.size) maps.set(spec, map);
    }
    this.band = { table, rows, maps };
  }

  /** Specs to try for a data row: the captioned one when its header matched, else all, best first. */
  private candidates(): [SpecIndex, ColumnMap][] {
    const maps = [...this.band!.maps];
    const captioned = maps.filter(([s]) => s === this.caption);
    if (captioned.length) return captioned;
    return maps.sort((a, b) => b[1].leaves.size - a[1].leaves.size);
  }

  private labelSegments(map: ColumnMap, table: Table, r: number): string[] {
    const segments: string[] = [];
    const seen = new Set<number>();
    for (let c = 0; c < table.width; c++) {
      const i = table.grid[r][c];
      if (i < 0 || seen.has(i) || map.valueColumns.has(c)) continue;
      seen.add(i);
      const t = textOf(table, i);
      // One cell may hold a group and its item: '（三）不予公开 1.属于国家秘密'.
      if (parseCell(t, '件').status === 'text') segments.push(...t.split(NUMBERED_PART).filter((x) => !isBlank(x)));
    }
    return segments;
  }

  private matchRow(spec: SpecIndex, map: ColumnMap, table: Table, r: number): LeafRow | undefined {
    const segments = this.labelSegments(map, table, r);
    const leaf = matchLeaf(spec.leafRows, segments, { stripNumbering: true });
    if (leaf) return leaf;
    if (spec.unlabelledRow && !segments.length) return spec.unlabelledRow;
    return undefined;
  }

  private dataRow(table: Table, r: number): void {
    for (const [spec, map] of this.candidates()) {
      const leafRow = this.matchRow(spec, map, table, r);
      if (!leafRow) continue;
      this.record(spec, map, leafRow, table, r);
      return;
    }
    this.unmatchedRow(table, r);
  }

  private record(spec: SpecIndex, map: ColumnMap, leafRow: LeafRow, table: Table, r: number): void {
    for (const [leafColumn, columns] of map.leaves) {
      const key = fieldKey(spec.model.spec, leafRow, leafColumn);
      const cell = this.readValue(table, r, columns, leafColumn);
      const existing = this.cells.get(key);
      if (!existing || (existing.status === 'blank' && cell.status !== 'blank')) {
        this.cells.set(key, cell);
      } else if (existing.value !== cell.value && cell.status !== 'blank') {
        this.diagnostics.push({
          rule: 'DUPLICATE_CELL',
          severity: 'warning',
          message: `${this.index.format.byKey.get(key)?.where ?? key}出现两次且数值不同（“${existing.raw}”与“${cell.raw}”），已采用前者`,
          fields: [key],
        });
      }
    }
    const stats = this.found.get(spec) ?? { tables: new Set<number>(), rows: 0 };
    stats.tables.add(table.index);
    stats.rows++;
    this.found.set(spec, stats);
  }

  private readValue(table: Table, r: number, columns: readonly number[], leaf: LeafColumn): ReadCell {
    const ids: number[] = [];
    for (const c of columns) {
      const i = table.grid[r][c];
      if (i >= 0 && !ids.includes(i)) ids.push(i);
    }
    const chosen = ids.find((i) => !isBlank(textOf(table, i))) ?? ids[0];
    if (chosen === undefined) return { raw: '', status: 'missing', value: null };
    const cell = table.cells[chosen];
    const parsed = parseCell(cell.text, leaf.unit);
    return {
      raw: cell.text,
      status: parsed.status,
      value: parsed.value,
      source: { table: table.index, row: cell.row, col: cell.col, ...(cell.page ? { page: cell.page } : {}) },
      ...(parsed.unit ? { unit: parsed.unit } : {}),
    };
  }

  private unmatchedRow(table: Table, r: number): void {
    const texts = rowCells(table, r).map((i) => textOf(table, i));
    if (!texts.some(looksNumeric)) return;
    const label = texts.filter((t) => !isBlank(t) && !looksNumeric(t)).join(' / ');
    if (!label) return;
    const values = texts.filter((t) => looksNumeric(t)).map((t) => compactText(t));
    this.unmatched.push({ table: table.index, row: r, label, values, model: this.candidates()[0]?.[0].model });
  }

  matches(): TableMatch[] {
    return [...this.found].map(([spec, s]) => ({ spec: spec.model.spec.id, tables: [...s.tables], rows: s.rows }));
  }
}

/** Reads every standard table of one format from the document. */
export function readTables(document: Document, version: FormatVersion): TableReading {
  const reader = new TableReader(formatIndex(version));
  for (const block of document.blocks) {
    if (block.kind === 'paragraph') reader.captionParagraph(block.text);
    else reader.table(block);
  }
  const unmatched = unmatchedRowFindings(getFormat(version), reader.unmatched, new Set(reader.cells.keys()));
  return { version, cells: reader.cells, matches: reader.matches(), diagnostics: [...reader.diagnostics, ...unmatched] };
}
