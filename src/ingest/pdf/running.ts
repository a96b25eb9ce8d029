/**
 * Page furniture: page numbers (— 3 —, - 3 -, 第 3 页, 3/12) and running headers and footers (the
 * same text in the top or bottom band of several pages) are not part of the report and are dropped.
 */
import type { PageElement, PdfLine } from './page';

/** The top and bottom bands of a page where headers and footers sit, as a share of its height. */
const BAND = 0.12;

const PAGE_NUMBER = /^[-—–－~·\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*\d{1,4}|(，|,)?\s*共\s*\d{1,4}\s*页)?[-—–－~·\s]*$/;

export interface PageBox {
  readonly bottom: number;
  readonly top: number;
}

function inBand(line: PdfLine, box: PageBox): boolean {
  const h = box.top - box.bottom;
  return line.y > box.top - h * BAND || line.y < box.bottom + h * BAND;
}

const key = (line: PdfLine): string => `${line.y.toFixed(0)}|${line.text.replace(/\d+/g, '#')}`;

export function dropFurniture(elements: readonly PageElement[], boxes: readonly PageBox[]): PageElement[] {
  const banded = (e: PageElement): e is PdfLine => e.kind === 'line' && inBand(e, boxes[e.page - 1]);
  const pagesOf = new Map<string, Set<number>>();
  for (const e of elements.filter(banded)) pagesOf.set(key(e), (pagesOf.get(key(e)) ?? new Set()).add(e.page));
  const running = (l: PdfLine): boolean => boxes.length > 1 && (pagesOf.get(key(l))?.size ?? 0) >= 2;
  return elements.filter((e) => !banded(e) || !(PAGE_NUMBER.test(e.text) || running(e)));
}
