/**
 * The page elements of the whole file, in reading order → the Document's blocks. Lines become
 * paragraphs (joined across a page break when the text runs on); a table that goes on at the top of
 * the next page with the same columns (or some of them merged on one page) is one table, its
 * repeated header rows dropped.
 */
import { buildTable } from '../../document/grid';
import type { Block, Paragraph } from '../../document/types';
import { joinWrapped, type PageElement, type PdfCell, type PdfLine, type PdfTable } from './page';
import { continues, metrics, paragraph } from './paragraphs';

/** Column edges closer than this are the same column on two pages. */
const SAME_EDGE = 2.5;

const sameEdge = (x: number, y: number): boolean => Math.abs(x - y) <= SAME_EDGE;
const within = (xs: readonly number[], edges: readonly number[]): boolean => xs.every((x) => edges.some((e) => sameEdge(e, x)));

/**
 * The column edges of a table that goes on from a into b: the outer edges agree and one part's
 * edges are all among the other's. Either part may lack inner lines where its cells are merged
 * (a label spanning two columns on one page, split in two on the next), so the finer set is kept.
 */
function sharedEdges(a: PdfTable, b: PdfTable): readonly number[] | undefined {
  if (!sameEdge(a.xs[0], b.xs[0]) || !sameEdge(a.xs[a.xs.length - 1], b.xs[b.xs.length - 1])) return undefined;
  if (within(b.xs, a.xs)) return a.xs;
  return within(a.xs, b.xs) ? b.xs : undefined;
}

/** Rows whose cells sit between the edges `xs`, re-placed among the (same or finer) `edges`. */
function onEdges(rows: Rows, xs: readonly number[], edges: readonly number[]): Rows {
  const at = (i: number) => edges.findIndex((e) => sameEdge(e, xs[i]));
  return rows.map((row) => row.map((c) => ({ ...c, col: at(c.col), colSpan: at(c.col + c.colSpan) - at(c.col) })));
}

/** b's rows on the shared edges, without the empty rows a page break leaves at its top. */
function inColumns(b: PdfTable, edges: readonly number[]): Rows {
  const rows = onEdges(b.rows, b.xs, edges);
  const start = rows.findIndex((row) => row.some((c) => c.text !== ''));
  return start < 0 ? [] : rows.slice(start);
}

const rowKey = (row: readonly PdfCell[]): string => row.map((c) => `${c.colSpan}:${c.text}`).join('|');

/** b's rows without the header rows it repeats from a. */
function withoutRepeatedHeader(a: Rows, b: Rows): Rows {
  let k = 0;
  while (k < b.length - 1 && k < a.length - 1 && rowKey(a[k]) === rowKey(b[k]) && b[k].some((c) => c.text !== '')) k++;
  return b.slice(k);
}

type Piece = Paragraph | PdfTable;

/** A cell that holds a figure (digits with signs, separators, a unit), not words. */
const FIGURE = /^[\d\s.,，+\-－—%％]*(万?元|件|项|个|条)?$/;
type Rows = readonly (readonly PdfCell[])[];

/** The cell of `rows` that covers column `col` of their last row, with the row it starts on. */
function coverAtBottom(rows: Rows, col: number): { r: number; i: number } | undefined {
  const last = rows.length - 1;
  for (let r = last; r >= 0; r--) {
    const i = rows[r].findIndex((c) => c.col <= col && col < c.col + c.colSpan && r + c.rowSpan - 1 >= last);
    if (i >= 0) return { r, i };
  }
  return undefined;
}

/**
 * The rows of b appended to a. A row the page break cut in two (its value cells on the first page,
 * nothing new in the second part but the rest of wrapped labels) is made one row again; a cell
 * merged over several rows (a row label like 三、本年度办理结果) goes on into the next page's empty
 * cell below it. Value cells are never merged: a blank on the next page stays a blank.
 */
function appendRows(a: Rows, b: Rows): Rows {
  if (a.length === 0 || b.length === 0) return [...a, ...b];
  const rows = a.map((row) => [...row]);
  const last = rows.length - 1;
  const first = b[0];
  const covers = first.map((c) => ({ c, at: coverAtBottom(rows, c.col) }));
  const aboveText = (at: { r: number; i: number } | undefined): string => (at ? rows[at.r][at.i].text : '');
  const sameColumns = ({ c, at }: (typeof covers)[number]): boolean =>
    at !== undefined && rows[at.r][at.i].col === c.col && rows[at.r][at.i].colSpan === c.colSpan;
  // Every cell goes on under its own, and only words do; a figure there starts a row of its own.
  const splitRow =
    covers.every((x) => sameColumns(x) && (x.c.text === '' || (aboveText(x.at) !== '' && !FIGURE.test(x.c.text)))) &&
    covers.some(({ c, at }) => c.text === '' && at?.r === last && aboveText(at) !== '');
  const kept: PdfCell[] = [];
  for (const x of covers) {
    const { c, at } = x;
    const above = at && rows[at.r][at.i];
    if (above && sameColumns(x) && (splitRow || (c.text === '' && above.rowSpan > 1))) {
      rows[at.r][at.i] = {
        ...above,
        text: splitRow ? joinWrapped([above.text, c.text]) : above.text,
        rowSpan: above.rowSpan + c.rowSpan - (splitRow ? 1 : 0),
      };
    } else kept.push(c);
  }
  return [...rows, ...(splitRow ? [] : [kept]), ...b.slice(1)];
}

export function assemble(elements: readonly PageElement[]): Block[] {
  const m = metrics(elements.filter((e): e is PdfLine => e.kind === 'line'));
  const pieces: Piece[] = [];
  let lines: PdfLine[] = [];
  const flush = (): void => {
    if (lines.length > 0) pieces.push(paragraph(lines));
    lines = [];
  };
  for (const e of elements) {
    if (e.kind === 'line') {
      if (lines.length > 0 && !continues(lines[lines.length - 1], e, m)) flush();
      lines.push(e);
      continue;
    }
    const last = pieces[pieces.length - 1];
    const edges = lines.length === 0 && last?.kind === 'table' && e.page > lastPage(last) ? sharedEdges(last, e) : undefined;
    if (last?.kind === 'table' && edges) {
      const above = onEdges(last.rows, last.xs, edges);
      pieces[pieces.length - 1] = {
        ...last,
        xs: edges,
        rows: appendRows(above, withoutRepeatedHeader(above, inColumns(e, edges))),
      };
      continue;
    }
    flush();
    pieces.push(e);
  }
  flush();
  let index = 0;
  return pieces.map((p) =>
    p.kind === 'paragraph'
      ? p
      : buildTable(
          p.rows.map((cells) => ({ cells })),
          index++,
        ),
  );
}

function lastPage(t: PdfTable): number {
  return Math.max(...t.rows.flat().map((c) => c.page));
}
