/**
 * HTML → Document. Used for mammoth's output and for web-published reports alike: paragraphs in
 * document order, tables as grids (rowspan/colspan expanded), a table that holds other tables
 * treated as page layout and walked through. Scripts, styles and form controls are ignored.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { buildTable, type SourceRow } from '../document/grid';
import type { Block, Document, DocumentMessage, Paragraph } from '../document/types';
import { cleanText } from '../text/normalise';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'button', 'select', 'input', 'textarea', 'img', 'video', 'audio', 'canvas', 'map']);
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'center', 'form', 'body', 'html', 'figure', 'figcaption', 'address', 'hr', 'caption', 'fieldset', 'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot']);
const BOLD_TAGS = new Set(['b', 'strong']);

interface Piece { readonly text: string; readonly bold: boolean }

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function styleIsBold(el: Element): boolean {
  const style = el.attribs?.style ?? '';
  return /font-weight\s*:\s*(bold|[6-9]00)/i.test(style);
}

function headingLevel(name: string): number | undefined {
  const m = /^h([1-6])$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

class HtmlWalker {
  readonly blocks: Block[] = [];
  private pieces: Piece[] = [];
  private tableCount = 0;

  constructor(readonly messages: DocumentMessage[]) {}

  walkBlock(el: Element, bold: boolean, level?: number): void {
    for (const child of el.children) this.visit(child, bold, level);
    this.flush(level);
  }

  private visit(node: AnyNode, bold: boolean, level?: number): void {
    if (node.type === 'text') {
      this.pieces.push({ text: (node as unknown as { data: string }).data, bold });
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') return this.flush(level);
    if (name === 'table') {
      this.flush(level);
      return this.table(node);
    }
    const childBold = bold || BOLD_TAGS.has(name) || styleIsBold(node);
    if (BLOCK.has(name)) {
      this.flush(level);
      this.walkBlock(node, childBold, headingLevel(name) ?? level);
      return;
    }
    for (const child of node.children) this.visit(child, childBold, level);
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
    this.blocks.push(paragraph);
  }

  private table(table: Element): void {
    const rows = directRows(table);
    if (hasNestedTable(table)) {
      // A table holding tables is page layout: its cells are read as ordinary content.
      for (const row of rows) for (const cell of directCells(row)) this.walkBlock(cell, false);
      return;
    }
    const caption = table.children.find((c) => isElement(c) && c.name === 'caption') as Element | undefined;
    if (caption) this.walkBlock(caption, false);
    const source: SourceRow[] = rows.map((row) => ({
      cells: directCells(row).map((cell) => ({
        text: cellText(cell),
        rowSpan: spanAttr(cell.attribs.rowspan),
        colSpan: spanAttr(cell.attribs.colspan),
      })),
    }));
    if (!source.length) return;
    this.blocks.push(buildTable(source, this.tableCount++));
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
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') rows.push(...childElements(child).filter((r) => r.name.toLowerCase() === 'tr'));
  }
  return rows;
}

function directCells(row: Element): Element[] {
  return childElements(row).filter((c) => c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th');
}

function hasNestedTable(table: Element): boolean {
  for (const row of directRows(table)) {
    for (const cell of directCells(row)) if (containsTag(cell, 'table')) return true;
  }
  return false;
}

function containsTag(el: Element, tag: string): boolean {
  return childElements(el).some((c) => c.name.toLowerCase() === tag || containsTag(c, tag));
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
    if (SKIP.has(name)) return;
    if (name === 'br') return void out.push('\n');
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    node.children.forEach(walk);
    if (block) out.push('\n');
  };
  cell.children.forEach(walk);
  return cleanText(out.join(''));
}

export function htmlToDocument(html: string, reader: string, messages: DocumentMessage[] = []): Document {
  const $ = cheerio.load(html);
  const walker = new HtmlWalker(messages);
  const body = $('body').get(0) ?? $.root().children().get(0);
  if (body) walker.walkBlock(body as Element, false);
  return { blocks: walker.blocks, reader, messages };
}
