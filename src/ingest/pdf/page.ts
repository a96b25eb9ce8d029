/**
 * One page → its text lines and its tables, top to bottom. Each character goes to the table cell
 * that contains it (its centre), the rest make the page's lines; a cell's lines are joined into
 * its text (a line wrapped inside a cell is one text; CJK needs no space between the pieces).
 */
import type { Glyph } from './glyphs';
import { glyphLines, type Line } from './lines';
import { slotAt, type Grid } from './ruling';

export interface PdfCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Where it was read: 1-based page, the grid position on that page. */
  readonly page: number;
  readonly row: number;
  readonly col: number;
}

export interface PdfTable {
  readonly kind: 'table';
  readonly page: number;
  readonly xs: readonly number[];
  readonly top: number;
  readonly rows: readonly (readonly PdfCell[])[];
}

export interface PdfLine extends Line {
  readonly kind: 'line';
  readonly page: number;
}

export type PageElement = PdfLine | PdfTable;

/** Joins the wrapped lines of one cell: a space only between two Latin letters or digits. */
export function joinWrapped(lines: readonly string[]): string {
  return lines.reduce(
    (text, line) =>
      text === '' ? line : /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? `${text} ${line}` : text + line,
    '',
  );
}

function tableOf(grid: Grid, glyphs: readonly Glyph[], page: number): PdfTable {
  const inCell: Glyph[][] = grid.cells.map(() => []);
  for (const g of glyphs) {
    const at = slotAt(grid, (g.x0 + g.x1) / 2, g.y + g.size * 0.3);
    if (at) inCell[grid.slot[at.row][at.col]].push(g);
  }
  const rows: PdfCell[][] = grid.ys.slice(1).map(() => []);
  grid.cells.forEach((c, i) => {
    rows[c.row].push({
      text: joinWrapped(glyphLines(inCell[i]).map((l) => l.text)),
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      page,
      row: c.row,
      col: c.col,
    });
  });
  return { kind: 'table', page, xs: grid.xs, top: grid.ys[0], rows };
}

function inside(grid: Grid, g: Glyph): boolean {
  return slotAt(grid, (g.x0 + g.x1) / 2, g.y + g.size * 0.3) !== undefined;
}

export function pageElements(glyphs: readonly Glyph[], grids: readonly Grid[], page: number): PageElement[] {
  const owner = glyphs.map((g) => grids.findIndex((grid) => inside(grid, g)));
  const tables = grids.map((grid, i) =>
    tableOf(
      grid,
      glyphs.filter((_, k) => owner[k] === i),
      page,
    ),
  );
  const lines: PdfLine[] = glyphLines(glyphs.filter((_, k) => owner[k] < 0)).map((l) => ({ ...l, kind: 'line', page }));
  const top = (e: PageElement): number => (e.kind === 'line' ? e.y + e.size : e.top);
  return [...tables, ...lines].sort((a, b) => top(b) - top(a));
}
