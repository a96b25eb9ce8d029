/**
 * Grid column widths of a printed table, from its labels: a row label may wrap over the rows it
 * spans, a column header over `headerLines` lines per row it spans, a value column holds at least
 * a few digits; each column gets between minChars and maxChars characters of the table font plus
 * its cell margins, and the whole is scaled to the width of the type area. So the narrow vertical
 * label of 表三 (三、本年度办理结果, 20 rows high) stays narrow and its long item labels get room,
 * without any table's widths being written down.
 */
import type { LayoutCell, LayoutTable } from '../../formats/layout';
import { stripNumbering } from '../../formats/labels';
import { compactText } from '../../text/normalise';
import { charsToTwips, mmToTwips, typeWidth, type PageStyle } from './page-style';

function charCount(text: string): number {
  return [...compactText(text)].length;
}

/** Characters of a label's leading numbering (（三）, 三、): kept on one line when the label wraps. */
function numberingChars(text: string): number {
  const compact = compactText(text);
  return [...compact].length - [...stripNumbering(compact)].length;
}

function demand(cell: LayoutCell, style: PageStyle): number {
  const t = style.table;
  if (cell.role === 'value') return t.valueMinChars;
  const lines = cell.role === 'row' ? cell.rowSpan : t.headerLines * cell.rowSpan;
  return Math.max(Math.ceil(charCount(cell.text) / lines), numberingChars(cell.text));
}

/** Widths in twips, one per grid column, summing to the type width. */
export function columnWidths(layout: LayoutTable, style: PageStyle): number[] {
  const t = style.table;
  const chars = Array.from({ length: layout.width }, () => t.minChars);
  for (const cell of layout.cells) {
    if (cell.colSpan !== 1) continue;
    const need = Math.min(t.maxChars, Math.max(t.minChars, demand(cell, style)));
    chars[cell.col] = Math.max(chars[cell.col], need);
  }
  const margins = 2 * mmToTwips(t.cellMargin);
  const natural = chars.map((n) => charsToTwips(style.text.table, n) + margins);
  const total = natural.reduce((a, b) => a + b, 0);
  const target = typeWidth(style);
  const widths = natural.map((w) => Math.floor((w * target) / total));
  // Rounding leftovers go to the widest column, so the table is exactly as wide as the type area.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += target - widths.reduce((a, b) => a + b, 0);
  return widths;
}
