/**
 * The page elements of the whole file, in reading order → the Document's blocks. Lines become
 * paragraphs (joined across a page break when the text runs on); a table that goes on at the top of
 * the next page with the same columns is one table, its repeated header rows dropped.
 */
import { buildTable } from '../../document/grid';
import type { Block, Paragraph } from '../../document/types';
import type { PageElement, PdfCell, PdfLine, PdfTable } from './page';
import { continues, metrics, paragraph } from './paragraphs';

/** Column edges closer than this are the same column on two pages. */
const SAME_EDGE = 2.5;

function sameColumns(a: PdfTable, b: PdfTable): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= SAME_EDGE);
}

const rowKey = (row: readonly PdfCell[]): string => row.map((c) => `${c.colSpan}:${c.text}`).join('|');

/** b's rows without the header rows it repeats from a. */
function withoutRepeatedHeader(a: PdfTable, b: PdfTable): readonly (readonly PdfCell[])[] {
  let k = 0;
  while (k < b.rows.length - 1 && k < a.rows.length - 1 && rowKey(a.rows[k]) === rowKey(b.rows[k]) && b.rows[k].some((c) => c.text !== '')) k++;
  return b.rows.slice(k);
}

type Piece = Paragraph | PdfTable;

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
    if (lines.length === 0 && last?.kind === 'table' && e.page > lastPage(last) && sameColumns(last, e)) {
      pieces[pieces.length - 1] = { ...last, rows: [...last.rows, ...withoutRepeatedHeader(last, e)] };
      continue;
    }
    flush();
    pieces.push(e);
  }
  flush();
  let index = 0;
  return pieces.map((p) => (p.kind === 'paragraph' ? p : buildTable(p.rows.map((cells) => ({ cells })), index++)));
}

function lastPage(t: PdfTable): number {
  return Math.max(...t.rows.flat().map((c) => c.page));
}
