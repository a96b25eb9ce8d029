/**
 * Finds the report inside a web page. Government sites wrap the article in navigation,
 * breadcrumbs, 信息公开 metadata blocks, info bars (发布时间, 字号 大 中 小, 打印 关闭), share
 * buttons, related-article lists and footers — some of which name 政府信息公开 and carry dates, so
 * left in they would be read as the title, issuer or date. The body is located by what a report
 * is made of, never by a site's markup: its section headings (or, without any, its figure tables)
 * anchor it; it starts at the last report title before them and ends at the signature date after
 * the last one, or at the first piece of page furniture.
 */
import type { Block, DocumentMessage, Paragraph, Table } from '../document/types';
import type { BlockMark } from './html-document';
import {
  isAgencyLine,
  isChromeText,
  isFigureTable,
  isMetadataLabel,
  isMetadataTable,
  isPageDateLine,
  isSignatureDate,
  isTitleText,
  sectionOfHeading,
  titleFromPageTitle,
  titleStartsWithYear,
} from './web-chrome';

export interface PageBlocks {
  readonly blocks: readonly Block[];
  readonly marks: readonly BlockMark[];
  readonly pageTitle: string;
}

export interface ReportBody {
  readonly blocks: Block[];
  readonly messages: DocumentMessage[];
}

/** How far above the first section a report's opening is looked for when no title is found. */
const OPENING_PARAGRAPHS = 6;

function paragraphAt(page: PageBlocks, i: number): Paragraph | undefined {
  const b = page.blocks[i];
  return b?.kind === 'paragraph' ? b : undefined;
}

/** Furniture: a chrome line, a line of nothing but links, or the metadata table. */
function isFurniture(page: PageBlocks, i: number): boolean {
  const b = page.blocks[i];
  if (b.kind === 'table') return isMetadataTable(b);
  return page.marks[i]?.linkOnly || isChromeText(b.text);
}

/** Blocks that anchor the body: section headings, or figure tables when a page has no headings. */
function anchors(page: PageBlocks): number[] {
  const headings: number[] = [];
  page.blocks.forEach((b, i) => {
    if (b.kind === 'paragraph' && !page.marks[i]?.linkOnly && sectionOfHeading(b) !== undefined) headings.push(i);
  });
  if (headings.length) return headings;
  return page.blocks.flatMap((b, i) => (b.kind === 'table' && isFigureTable(b) ? [i] : []));
}

function textAt(page: PageBlocks, i: number): string | undefined {
  const p = paragraphAt(page, i);
  return p && !page.marks[i]?.linkOnly ? p.text : undefined;
}

/** The last title before the first anchor: one line, an agency line and a title, or a title broken in two. */
function findTitle(page: PageBlocks, first: number): number | undefined {
  for (let i = first - 1; i >= 0; i--) {
    const text = textAt(page, i);
    if (text === undefined) continue;
    const above = textAt(page, i - 1);
    if (isTitleText(text)) return above !== undefined && titleStartsWithYear(text) && isAgencyLine(above) ? i - 1 : i;
    if (above !== undefined && !isChromeText(above) && isTitleText(above + text)) return i - 1;
  }
  return undefined;
}

/** Where the body opens: the title, else the paragraphs just before the first anchor. */
function opening(page: PageBlocks, first: number): { start: number; title?: string } {
  const title = findTitle(page, first);
  if (title !== undefined) return { start: title };
  let start = first;
  while (start > 0 && first - start < OPENING_PARAGRAPHS && paragraphAt(page, start - 1) && !isFurniture(page, start - 1))
    start--;
  return { start, title: titleFromPageTitle(page.pageTitle) };
}

/** What only a page has after its article: links, the metadata block, another report's title. */
function endsArticle(page: PageBlocks, i: number): boolean {
  const b = page.blocks[i];
  if (b.kind === 'table') return isMetadataTable(b);
  return !!page.marks[i]?.linkOnly || isTitleText(b.text);
}

/**
 * Where the body ends: after the signature date that follows the last anchor — looked for up to
 * the first links, metadata block or other report's title, past lines that merely look like
 * furniture (a report may end with 扫码关注… or a phone number) — else at the first furniture.
 */
function closing(page: PageBlocks, last: number): number {
  for (let i = last + 1; i < page.blocks.length && !endsArticle(page, i); i++) {
    const b = page.blocks[i];
    if (b.kind === 'paragraph' && isSignatureDate(b.text)) return i + 1;
  }
  for (let i = last + 1; i < page.blocks.length; i++) {
    if (isFurniture(page, i) || endsArticle(page, i)) return i;
  }
  return page.blocks.length;
}

/**
 * The metadata block's cells as `label：value` lines (发布日期： | 2023-01-18 in two cells is one line,
 * as is 发文日期 | 2023-01-18 without a colon).
 */
function metadataLines(table: Table): string[] {
  return table.cells.map((c, k) => {
    const next = table.cells[k + 1];
    if (!next || !(/[:：]\s*$/.test(c.text) || isMetadataLabel(c.text))) return c.text;
    return `${c.text.trim().replace(/[:：]$/, '')}：${next.text.trim()}`;
  });
}

/**
 * The page's own date (时间：2024-03-08 15:34 in the info bar, 发布日期 in the metadata block) is the
 * report's publish date when the body has no signature: such lines are kept as paragraphs at the
 * head of the body, where recognition reads them as meta and keeps them out of the text.
 */
function pageDateLines(page: PageBlocks, i: number): Paragraph[] {
  const b = page.blocks[i];
  if (page.marks[i]?.linkOnly) return [];
  const next = paragraphAt(page, i + 1);
  // A term and its value as two blocks (<dt>生成日期：</dt><dd>2023-01-18</dd>).
  const term = b.kind === 'paragraph' && next && /[:：]\s*$/.test(b.text) ? [`${b.text.trim()}${next.text.trim()}`] : [];
  const lines = b.kind === 'paragraph' ? [b.text, ...term] : isMetadataTable(b) ? metadataLines(b) : [];
  return lines.filter(isPageDateLine).map((text) => ({ kind: 'paragraph', text, bold: false }));
}

function renumber(blocks: readonly Block[]): Block[] {
  let tables = 0;
  return blocks.map((b) => (b.kind === 'table' ? ({ ...b, index: tables++ } satisfies Table) : b));
}

/** A table's text as paragraphs, row by row (each merged cell once, each line its own paragraph). */
function tableLines(table: Table): Paragraph[] {
  return table.cells
    .flatMap((c) => c.text.split('\n'))
    .filter((t) => t.trim())
    .map((text) => ({ kind: 'paragraph', text, bold: false }));
}

/**
 * Tables of words before section 一 or after section 六 are layout (a title block, a signature set
 * right in a borderless table): their lines become paragraphs so that title, issuer and date are
 * seen. Report tables sit between the sections and are never touched; nor is the metadata block.
 */
function flattenTextTables(page: PageBlocks): PageBlocks {
  const headings = anchors(page).filter((i) => page.blocks[i].kind === 'paragraph');
  if (!headings.length) return page;
  const [first, last] = [headings[0], headings[headings.length - 1]];
  const blocks: Block[] = [];
  const marks: BlockMark[] = [];
  page.blocks.forEach((b, i) => {
    if (b.kind === 'table' && (i < first || i > last) && !isFigureTable(b) && !isMetadataTable(b)) {
      tableLines(b).forEach((p, k) => {
        blocks.push(p);
        marks.push(k === 0 ? page.marks[i] : { linkOnly: false });
      });
      return;
    }
    blocks.push(b);
    marks.push(page.marks[i]);
  });
  return { blocks, marks, pageTitle: page.pageTitle };
}

/**
 * The report's blocks out of a page's. A page without any report structure keeps everything but
 * its furniture, so that recognition judges the rest (and a breadcrumb naming 政府信息公开年报 does
 * not make a page a report).
 */
export function findReportBody(whole: PageBlocks): ReportBody {
  const page = flattenTextTables(whole);
  const found = anchors(page);
  if (!found.length) {
    const blocks = page.blocks.flatMap((b, i) => (isFurniture(page, i) ? pageDateLines(page, i) : [b]));
    return { blocks: renumber(blocks), messages: [] };
  }
  const first = found[0];
  const last = found[found.length - 1];
  const { start, title } = opening(page, first);
  const end = closing(page, last);
  const kept: Block[] = [];
  for (let i = 0; i < start; i++) kept.push(...pageDateLines(page, i));
  let read = 0;
  for (let i = start; i < end; i++) {
    // Furniture between the title and section 一 (info bar, metadata, share buttons) is dropped
    // but for its date lines; inside the sections every block is report text.
    if (i < first && isFurniture(page, i)) {
      kept.push(...pageDateLines(page, i));
      continue;
    }
    kept.push(page.blocks[i]);
    read++;
  }
  if (title) kept.unshift({ kind: 'paragraph', text: title, bold: true });
  const dropped = page.blocks.length - read;
  const messages: DocumentMessage[] = [];
  if (dropped > 0) {
    messages.push({
      type: 'info',
      code: 'WEB_PAGE_CHROME',
      message: `网页中报告正文以外的 ${dropped} 段内容（导航、页眉页脚、信息栏等）未读取`,
    });
  }
  if (title) {
    messages.push({ type: 'info', code: 'WEB_PAGE_TITLE', message: `正文中没有标题，标题取自网页标题：${title}` });
  }
  // Pictures among the sections (not the logo or a QR code around them): often the tables, as screenshots.
  const images = page.marks.slice(first + 1, end).reduce((n, m) => n + (m.imagesBefore ?? 0), 0);
  if (images > 0) {
    messages.push({
      type: 'warning',
      code: 'WEB_PAGE_IMAGES',
      message: `报告正文中有 ${images} 张图片，图片中的内容（如以图片发布的表格）无法读取，请提供文字版或 Word 原件`,
    });
  }
  return { blocks: renumber(kept), messages };
}
