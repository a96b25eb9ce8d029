/**
 * Page set-up of the single section: A4, the GB/T 9704 margins and line grid, and the page numbers
 * `— N —` in 4号 宋体, right on odd pages and left on even ones (so they sit on the outer edge of a
 * printed booklet), one character in from the edge of the type area.
 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';
import { charsToTwips, fontSlots, halfPoints, mmToTwips, ptToTwips, type PageStyle } from './page-style';

export function sectionProperties(style: PageStyle): ISectionPropertiesOptions {
  const { page, grid } = style;
  return {
    page: {
      size: { width: mmToTwips(page.width), height: mmToTwips(page.height) },
      margin: {
        top: mmToTwips(page.margin.top),
        left: mmToTwips(page.margin.left),
        bottom: mmToTwips(page.margin.bottom),
        right: mmToTwips(page.margin.right),
        footer: mmToTwips(page.footer),
        header: mmToTwips(page.footer),
        gutter: 0,
      },
    },
    // No snapping grid: the body keeps its pitch by exact line spacing, and a grid would stretch every
    // table line to the body pitch in Word. The pitch is still recorded for editors that show it.
    grid: { type: DocumentGridType.DEFAULT, linePitch: ptToTwips(grid.linePitch) },
  };
}

function pageNumberFooter(style: PageStyle, side: 'odd' | 'even'): Footer {
  const text = style.text.pageNumber;
  const edge = charsToTwips(text, style.pageNumber.edgeIndentChars);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          side === 'odd' ? { right: edge, firstLine: 0, firstLineChars: 0 } : { left: edge, firstLine: 0, firstLineChars: 0 },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            font: { ...fontSlots(style, 'pageNumber'), hint: 'eastAsia' },
            size: halfPoints(text.size),
            children: [style.pageNumber.before, PageNumber.CURRENT, style.pageNumber.after],
          }),
        ],
      }),
    ],
  });
}

/** Footers for the section: `default` is used for odd pages once even/odd footers are on. */
export function pageFooters(style: PageStyle): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(style, 'odd'), even: pageNumberFooter(style, 'even') };
}
