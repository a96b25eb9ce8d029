/** Cell styles built from the style description, shared by both workbooks. */
import type { Alignment, Border, Borders, Fill, Font, PageSetup, Worksheet } from 'exceljs';
import { xlsxStyle } from './style';

export function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export function thinBorders(): Partial<Borders> {
  const side: Partial<Border> = { style: 'thin', color: { argb: xlsxStyle().borderColor } };
  return { top: side, left: side, bottom: side, right: side };
}

export function font(kind: 'body' | 'header' | 'title' | 'key' = 'body'): Partial<Font> {
  const s = xlsxStyle();
  if (kind === 'title') return { ...s.titleFont };
  if (kind === 'header') return { ...s.headerFont };
  if (kind === 'key') return { name: s.keyFont.name, size: s.keyFont.size, color: { argb: s.keyFont.color } };
  return { ...s.font };
}

export const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };

export function numberFormat(type: string | undefined): string | undefined {
  const f = xlsxStyle().numberFormats;
  return type === 'decimal' ? f.decimal : type === 'int' ? f.int : undefined;
}

export interface PrintOptions {
  /** Rows repeated on every printed page, e.g. '1:4'. */
  readonly titleRows?: string;
  /** Columns repeated on every printed page, e.g. 'A:C'. */
  readonly titleColumns?: string;
  /** Shrink to one page wide (false for sheets hundreds of columns wide: they print across pages). */
  readonly fit?: boolean;
}

/** A4; landscape when the columns are wider than a portrait page; fitted to one page wide. */
export function pageSetup(totalWidth: number, options: PrintOptions = {}): Partial<PageSetup> {
  const { page } = xlsxStyle();
  const fit = options.fit ?? true;
  return {
    paperSize: page.paperSize,
    orientation: totalWidth > page.portraitWidth ? 'landscape' : 'portrait',
    fitToPage: fit,
    ...(fit ? { fitToWidth: 1, fitToHeight: 0 } : {}),
    horizontalCentered: fit,
    margins: { ...page.margins },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
  };
}

export function setWidths(ws: Worksheet, widths: readonly number[]): void {
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = Math.round(width * 10) / 10;
  });
}
