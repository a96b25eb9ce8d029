/**
 * pdfjs text items → single characters with their box on the page (PDF points, y up). Items are cut
 * into characters because producers draw one line in several items that overlap (LibreOffice draws
 * the quotes of “六型” as separate items over the spaces it leaves in the main item); placing each
 * character on its own lets lines and table cells be rebuilt by position alone.
 */
import type { PdfTextItem } from './pdfjs';

export interface Glyph {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
}

/** Items rotated or skewed (watermarks, vertical stamps) are left out: they belong to no line. */
function isUpright(t: readonly number[]): boolean {
  return Math.abs(t[1]) < 1e-3 && Math.abs(t[2]) < 1e-3 && t[0] > 0 && t[3] > 0;
}

/**
 * Private-use characters left in a text layer that passed the check of text-layer.ts are the
 * bullets of Symbol/Wingdings lists (U+F0B7 ): Word's list numbering, which the DOCX reader does
 * not put in the text either.
 */
const BULLET = /^[\uE000-\uF8FF]$/u;

export function itemGlyphs(item: PdfTextItem, bold: boolean): Glyph[] {
  const chars = [...item.str];
  const t = item.transform;
  if (chars.length === 0 || !isUpright(t) || !Number.isFinite(item.width)) return [];
  const size = t[3];
  const step = item.width / chars.length;
  return chars
    .map((text, i) => ({ text, x0: t[4] + i * step, x1: t[4] + (i + 1) * step, y: t[5], size, bold }))
    .filter((g) => !BULLET.test(g.text));
}

/** Font names that mean a bold face (embedded subsets keep the family name after the '+'). */
export function isBoldFont(name: string | undefined): boolean {
  return name !== undefined && /bold|heavy|black|semibold|demi|黑体|simhei|[-,]b$|hei$/i.test(name);
}
