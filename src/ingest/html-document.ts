/**
 * HTML → Document. Used for mammoth's output and for web-published reports alike: paragraphs in
 * document order, tables as grids (rowspan/colspan expanded). A table that only frames content —
 * one holding other tables, or prose instead of figures — is page layout and is walked through.
 * Scripts, styles, form controls, hidden elements and Word's XML islands are ignored.
 *
 * Besides the blocks, the walk notes per block what a web page's chrome looks like (a paragraph
 * that is all link text: navigation, related links), which the report-body finder uses; the
 * Document itself stays plain.
 */
import type * as Cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { buildTable, type SourceRow } from '../document/grid';
import type { Block, Document, DocumentMessage, Paragraph } from '../document/types';
import { cleanText, compactText } from '../text/normalise';
import { linkedFileName } from './attachments';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'object',
  'embed',
  'svg',
  'button',
  'select',
  'input',
  'textarea',
  'img',
  'video',
  'audio',
  'canvas',
  'map',
  'xml',
  'option',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'center',
  'form',
  'body',
  'html',
  'figure',
  'figcaption',
  'address',
  'hr',
  'caption',
  'fieldset',
  'details',
  'summary',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
]);
const BOLD_TAGS = new Set(['b', 'strong']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A cell with this much prose is an article, not a figure of a report table. */
const LAYOUT_PROSE_CHARS = 200;

/** What the walk knows about a block beyond the Document model. */
export interface BlockMark {
  /** Every visible character of the paragraph is link text (menus, related-article lists). */
  readonly linkOnly: boolean;
  /** Pictures (<img>) since the block before: their content (a table published as a picture) is not read. */
  readonly imagesBefore?: number;
}

export interface WalkedPage {
  readonly blocks: Block[];
  readonly marks: BlockMark[];
  /** Documents the page links to for download (…报告.pdf), by file name, report-like names first. */
  readonly attachments: string[];
  /** The page's <title>, display-cleaned ('' when absent). */
  readonly pageTitle: string;
}

interface Piece {
  readonly text: string;
  readonly bold: boolean;
  readonly link: boolean;
}
interface Context {
  readonly bold: boolean;
  readonly link: boolean;
  readonly level?: number;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function styleIsBold(el: Element): boolean {
  const style = el.attribs?.style ?? '';
  return /font-weight\s*:\s*(bold|[6-9]00)/i.test(style);
}

/** Hidden by the page (display:none, visibility:hidden, hidden) or by Word (mso-hide:all). */
function isHidden(el: Element): boolean {
  const attribs = el.attribs ?? {};
  if ('hidden' in attribs) return true;
  const style = (attribs.style ?? '').toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/.test(style);
}

function headingLevel(name: string): number | undefined {
  const m = /^h([1-6])$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

class HtmlWalker {
  readonly blocks: Block[] = [];
  readonly marks: BlockMark[] = [];
  private pieces: Piece[] = [];
  private tableCount = 0;
  private images = 0;

  walkBlock(el: Element, ctx: Context): void {
    for (const child of el.children) this.visit(child, ctx);
    this.flush(ctx.level);
  }

  private visit(node: AnyNode, ctx: Context): void {
    if (node.type === 'text') {
      this.pieces.push({ text: (node as unknown as { data: string }).data, bold: ctx.bold, link: ctx.link });
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'img' && !isHidden(node)) this.images++;
    if (SKIP.has(name) || isHidden(node)) return;
    if (name === 'br') return this.flush(ctx.level);
    if (name === 'table') {
      this.flush(ctx.level);
      return this.table(node);
    }
    const child: Context = {
      bold: ctx.bold || BOLD_TAGS.has(name) || styleIsBold(node),
      link: ctx.link || (name === 'a' && node.attribs.href !== undefined),
      level: headingLevel(name) ?? ctx.level,
    };
    if (BLOCK.has(name)) {
      this.flush(ctx.level);
      this.walkBlock(node, child);
      return;
    }
    for (const c of node.children) this.visit(c, child);
  }

  private flush(level?: number): void {
    if (!this.pieces.length) return;
    const text = cleanText(this.pieces.map((p) => p.text).join(''));
    const visible = this.pieces.filter((p) => p.text.trim() !== '');
    this.pieces = [];
    if (!text) return;
    const paragraph: Paragraph = {
      kind: 'paragraph',
      text,
      bold: level !== undefined || (visible.length > 0 && visible.every((p) => p.bold)),
      ...(level !== undefined ? { headingLevel: level } : {}),
    };
    this.push(paragraph, { linkOnly: visible.length > 0 && visible.every((p) => p.link) });
  }

  private push(block: Block, mark: BlockMark): void {
    this.blocks.push(block);
    this.marks.push(this.images ? { ...mark, imagesBefore: this.images } : mark);
    this.images = 0;
  }

  private table(table: Element): void {
    const rows = directRows(table);
    const cells = rows.flatMap(directCells);
    // Checked before any cell text is read: a frame's cells hold the whole page.
    const frame = cells.some((c) => containsTag(c, (n) => n === 'table'));
    const texts = frame ? new Map<Element, string>() : new Map(cells.map((c) => [c, cellText(c)]));
    const headings = !frame && cells.some((c) => containsTag(c, (n) => HEADING_TAGS.has(n)));
    if (frame || isProseTable([...texts.values()], headings)) {
      for (const row of rows) for (const cell of directCells(row)) this.walkBlock(cell, { bold: false, link: false });
      return;
    }
    const caption = table.children.find((c) => isElement(c) && c.name === 'caption') as Element | undefined;
    if (caption) this.walkBlock(caption, { bold: false, link: false });
    const source: SourceRow[] = rows.map((row) => ({
      cells: directCells(row).map((cell) => ({
        text: texts.get(cell)!,
        rowSpan: spanAttr(cell.attribs.rowspan),
        colSpan: spanAttr(cell.attribs.colspan),
      })),
    }));
    if (!source.some((r) => r.cells.length)) return;
    this.push(buildTable(source, this.tableCount++), { linkOnly: false });
  }
}

function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    const name = child.name.toLowerCase();
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot')
      rows.push(...childElements(child).filter((r) => r.name.toLowerCase() === 'tr'));
  }
  return rows;
}

function directCells(row: Element): Element[] {
  return childElements(row).filter((c) => c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th');
}

function containsTag(el: Element, test: (name: string) => boolean): boolean {
  return childElements(el).some((c) => test(c.name.toLowerCase()) || containsTag(c, test));
}

/**
 * A table that frames prose rather than figures: a cell of running text (or headings) in a table
 * with almost no numbers (a text-only report placed in a layout cell). Report tables have numbers in most
 * rows and labels, not paragraphs, in their cells.
 */
function isProseTable(cellTexts: readonly string[], hasHeadings: boolean): boolean {
  const texts = cellTexts.map(compactText);
  const prose = hasHeadings || texts.some((t) => t.length >= LAYOUT_PROSE_CHARS && (t.match(/。/g)?.length ?? 0) >= 2);
  const numbers = texts.filter((t) => /^[+-]?\d+(\.\d+)?$/.test(t)).length;
  return prose && numbers < 3;
}

function spanAttr(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Cell text: <br> and block boundaries become line breaks. */
function cellText(cell: Element): string {
  const out: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') out.push((node as unknown as { data: string }).data);
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (SKIP.has(name) || isHidden(node)) return;
    if (name === 'br') return void out.push('\n');
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    node.children.forEach(walk);
    if (block) out.push('\n');
  };
  cell.children.forEach(walk);
  return cleanText(out.join(''));
}

let cheerioModule: typeof Cheerio | undefined;

/**
 * cheerio, loaded on first use: loading it costs about 0.4 s of CPU, and most reports are DOCX without
 * any HTML. Synchronous, because the synchronous DOCX reader may meet an HTML altChunk part.
 */
function cheerio(): typeof Cheerio {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (see above)
  cheerioModule ??= require('cheerio') as typeof Cheerio;
  return cheerioModule;
}

/** Walks a whole page: every block with its marks, its attachments, and the page title. */
export function walkHtml(html: string): WalkedPage {
  const $ = cheerio().load(html);
  const walker = new HtmlWalker();
  const body = $('body').get(0) ?? $.root().children().get(0);
  if (body) walker.walkBlock(body as Element, { bold: false, link: false });
  const links = $('a[href]')
    .toArray()
    .flatMap((a) => {
      const file = linkedFileName((a as Element).attribs.href);
      return file ? [{ file, text: cleanText($(a).text()) }] : [];
    });
  // The report itself first: a link whose name or text says 报告/年报 (not 指南, 目录 in a side bar).
  const reportLike = (l: { file: string; text: string }) => /报告|年报/.test(l.file + l.text);
  const attachments = [
    ...new Set([...links.filter(reportLike), ...links].map((l) => (reportLike(l) && l.text ? l.text : l.file))),
  ];
  return {
    blocks: walker.blocks,
    marks: walker.marks,
    attachments,
    pageTitle: cleanText($('head > title').first().text() || $('title').first().text()),
  };
}

export function htmlToDocument(html: string, reader: string, messages: DocumentMessage[] = []): Document {
  return { blocks: walkHtml(html).blocks, reader, messages };
}
