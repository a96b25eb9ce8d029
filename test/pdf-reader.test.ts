/**
 * The PDF reader on PDFs built by hand (test/helpers/pdf-fixture.ts), each showing one thing a
 * printed report does: a table going on over a page break, merged header cells, a missing inner
 * line, page numbers and running headers, a paragraph broken by a page; and the files it must
 * refuse with their own message: a scan, text without Unicode, an encrypted or oversized PDF.
 */
import type { Block, Table } from '../src/document/types';
import { readDocument } from '../src/ingest';
import { buildPdf, cellText, ruledTable, type PdfOp } from './helpers/pdf-fixture';
import { readBytes } from './helpers/pipeline';

async function blocks(pages: readonly (readonly PdfOp[])[]): Promise<readonly Block[]> {
  const doc = await readDocument({ name: 'fixture.pdf', bytes: buildPdf({ pages }) });
  expect(doc.reader).toBe('pdf');
  return doc.blocks;
}

/** The grid as text, merged cells repeated in every slot they cover. */
const gridText = (t: Table): string[][] => t.grid.map((row) => row.map((i) => t.cells[i]?.text ?? '∅'));
const tables = (bs: readonly Block[]): Table[] => bs.filter((b): b is Table => b.kind === 'table');
const texts = (bs: readonly Block[]): string[] => bs.map((b) => (b.kind === 'paragraph' ? b.text : `[table ${b.index}]`));

const XS = [72, 200, 300, 400];
const rowsFrom = (top: number, n: number): number[] => Array.from({ length: n + 1 }, (_, i) => top - 20 * i);

describe('tables from ruling lines', () => {
  it('joins a table that goes on over a page break into one, its repeated header row dropped', async () => {
    const ys1 = rowsFrom(700, 3);
    const ys2 = rowsFrom(740, 3);
    const page1: PdfOp[] = [
      { text: 'Before the table', x: 72, y: 720 },
      ...ruledTable(XS, ys1),
      ...['Item', 'A', 'B'].map((t, c) => cellText(XS, ys1, 0, c, t)),
      ...['r1', '1', '2'].map((t, c) => cellText(XS, ys1, 1, c, t)),
      ...['r2', '3', '4'].map((t, c) => cellText(XS, ys1, 2, c, t)),
    ];
    const page2: PdfOp[] = [
      ...ruledTable(XS, ys2),
      ...['Item', 'A', 'B'].map((t, c) => cellText(XS, ys2, 0, c, t)),
      ...['r3', '5', '6'].map((t, c) => cellText(XS, ys2, 1, c, t)),
      ...['r4', '', '8'].map((t, c) => cellText(XS, ys2, 2, c, t)),
      { text: 'After the table', x: 72, y: 640 },
    ];
    const bs = await blocks([page1, page2]);
    expect(texts(bs)).toEqual(['Before the table', '[table 0]', 'After the table']);
    expect(gridText(tables(bs)[0])).toEqual([
      ['Item', 'A', 'B'],
      ['r1', '1', '2'],
      ['r2', '3', '4'],
      ['r3', '5', '6'],
      ['r4', '', '8'],
    ]);
    expect(tables(bs)[0].cells.map((c) => c.page)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('makes a row cut by the page break one row again, but a figure on the next page starts a row of its own', async () => {
    const ys1 = rowsFrom(700, 2);
    const ys2 = rowsFrom(740, 2);
    const page1: PdfOp[] = [
      ...ruledTable(XS, ys1),
      ...['Item', 'A', 'B'].map((t, c) => cellText(XS, ys1, 0, c, t)),
      ...['label', '1', '2'].map((t, c) => cellText(XS, ys1, 1, c, t)),
    ];
    const cut: PdfOp[] = [
      ...ruledTable(XS, ys2),
      cellText(XS, ys2, 0, 0, 'continued'),
      ...['r2', '3', '4'].map((t, c) => cellText(XS, ys2, 1, c, t)),
    ];
    expect(gridText(tables(await blocks([page1, cut]))[0])).toEqual([
      ['Item', 'A', 'B'],
      ['label continued', '1', '2'],
      ['r2', '3', '4'],
    ]);
    const figure: PdfOp[] = [
      ...ruledTable(XS, ys2),
      cellText(XS, ys2, 0, 0, '7'),
      ...['r2', '3', '4'].map((t, c) => cellText(XS, ys2, 1, c, t)),
    ];
    expect(gridText(tables(await blocks([page1, figure]))[0])).toEqual([
      ['Item', 'A', 'B'],
      ['label', '1', '2'],
      ['7', '', ''],
      ['r2', '3', '4'],
    ]);
  });

  it('joins a table whose next page draws a column line the first page leaves out (a label split in two there)', async () => {
    // Page 1: the label column is one cell wide (no line at x=200); page 2 splits it into group and item.
    const coarse = [72, 300, 400];
    const ys1 = rowsFrom(700, 2);
    const ys2 = rowsFrom(740, 2);
    const page1: PdfOp[] = [
      ...ruledTable(coarse, ys1),
      ...['Item', 'Total'].map((t, c) => cellText(coarse, ys1, 0, c, t)),
      ...['whole row', '1'].map((t, c) => cellText(coarse, ys1, 1, c, t)),
    ];
    const page2: PdfOp[] = [
      ...ruledTable(XS, ys2, ({ dir, index, from }) => dir === 'h' && index === 1 && from === 0),
      ...['group', 'item a', '2'].map((t, c) => cellText(XS, ys2, 0, c, t)),
      ...['item b', '3'].map((t, c) => cellText(XS, ys2, 1, c + 1, t)),
    ];
    const bs = await blocks([page1, page2]);
    expect(tables(bs).length).toBe(1);
    expect(gridText(tables(bs)[0])).toEqual([
      ['Item', 'Item', 'Total'],
      ['whole row', 'whole row', '1'],
      ['group', 'item a', '2'],
      ['group', 'item b', '3'],
    ]);
  });

  it('reads merged header cells where the inner lines between them are missing', async () => {
    const ys = rowsFrom(700, 3);
    // Header: "Group" over columns 1–2 (no vertical line between them in row 0); "Name" over rows 0–1 (no horizontal line below it in column 0).
    const skip = (l: { dir: 'h' | 'v'; index: number; from: number }) =>
      (l.dir === 'v' && l.index === 2 && l.from === 0) || (l.dir === 'h' && l.index === 1 && l.from === 0);
    const ops: PdfOp[] = [
      ...ruledTable(XS, ys, skip),
      cellText(XS, ys, 0, 0, 'Name'),
      cellText(XS, ys, 0, 1, 'Group'),
      cellText(XS, ys, 1, 1, 'x'),
      cellText(XS, ys, 1, 2, 'y'),
      ...['n1', '7', '9'].map((t, c) => cellText(XS, ys, 2, c, t)),
    ];
    const [t] = tables(await blocks([ops]));
    expect(gridText(t)).toEqual([
      ['Name', 'Group', 'Group'],
      ['Name', 'x', 'y'],
      ['n1', '7', '9'],
    ]);
    expect(t.cells.slice(0, 2).map((c) => [c.rowSpan, c.colSpan])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('infers the outer edges of a table drawn without its outer border', async () => {
    const ys = rowsFrom(700, 2);
    const outer = (l: { dir: 'h' | 'v'; index: number }) =>
      l.dir === 'v' ? l.index === 0 || l.index === 3 : l.index === 0 || l.index === 2;
    const ops: PdfOp[] = [
      ...ruledTable(XS, ys, outer),
      ...['a', 'b', 'c'].map((t, c) => cellText(XS, ys, 0, c, t)),
      ...['1', '2', '3'].map((t, c) => cellText(XS, ys, 1, c, t)),
    ];
    const [t] = tables(await blocks([ops]));
    expect(gridText(t)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('joins the wrapped lines of one cell', async () => {
    const ys = [700, 660, 640];
    const ops: PdfOp[] = [
      ...ruledTable(XS, ys),
      { text: 'first', x: 76, y: 688 },
      { text: 'second', x: 76, y: 674 },
      cellText(XS, ys, 0, 1, '12'),
      ...['r', '1', '2'].map((t, c) => cellText(XS, ys, 1, c, t)),
    ];
    expect(gridText(tables(await blocks([ops]))[0])[0]).toEqual(['first second', '12', '']);
  });
});

describe('text', () => {
  // 60 Courier characters at 10 pt: a line that runs from the left margin (72) to the right one (432).
  const full = (n: number, indent = 0): string => `${String(n).padStart(2, '0')} ${'word '.repeat(11)}end`.slice(0, 60 - indent);

  it('drops page numbers and running headers, and joins a paragraph broken by the page', async () => {
    const furniture = (n: number): PdfOp[] => [
      { text: 'Running header of the report', x: 72, y: 760 },
      { text: `- ${n} -`, x: 290, y: 40 },
    ];
    const page1: PdfOp[] = [
      ...furniture(1),
      { text: 'Heading', x: 72, y: 700 },
      { text: full(1, 3), x: 90, y: 670 },
      { text: full(2), x: 72, y: 655 },
      { text: full(3), x: 72, y: 640 },
    ];
    const page2: PdfOp[] = [...furniture(2), { text: 'last line.', x: 72, y: 700 }, { text: 'Next paragraph.', x: 90, y: 670 }];
    const bs = await blocks([page1, page2]);
    expect(texts(bs)).toEqual(['Heading', `${full(1, 3)} ${full(2)} ${full(3)} last line.`, 'Next paragraph.']);
  });
});

describe('PDFs that cannot be read say why, naming the file', () => {
  const read = async (bytes: Uint8Array) => {
    const r = await readBytes(bytes, '年度报告.pdf');
    if (r.ok) throw new Error('read a PDF that should be refused');
    expect(r.error.zh).toContain('“年度报告.pdf”');
    expect(r.error.en).toContain('"年度报告.pdf"');
    return r.error;
  };

  it('a scan (pages that are pictures, no text layer) is named a scan that needs the Word original', async () => {
    const started = Date.now();
    const error = await read(buildPdf({ pages: [[{ image: true }], [{ image: true }]] }));
    expect(error.code).toBe('PDF_SCANNED');
    expect(error.zh).toContain('扫描件');
    expect(error.zh).toContain('Word');
    expect(error.en).toContain('scan');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('text whose characters have no Unicode mapping is refused, never read as wrong figures', async () => {
    const ops: PdfOp[] = Array.from({ length: 10 }, (_, i) => ({
      text: `Table ${i} 12 345 678`,
      x: 72,
      y: 700 - 20 * i,
      font: 'unmapped' as const,
    }));
    expect((await read(buildPdf({ pages: [ops] }))).code).toBe('PDF_NO_UNICODE');
  });

  it('an encrypted PDF', async () => {
    expect((await read(buildPdf({ pages: [[{ text: 'secret', x: 72, y: 700 }]], encrypted: true }))).code).toBe('PDF_ENCRYPTED');
  });

  it('a PDF of more than 200 pages', async () => {
    const error = await read(buildPdf({ pages: Array.from({ length: 201 }, () => [{ text: 'page', x: 72, y: 700 }]) }));
    expect(error.code).toBe('PDF_TOO_MANY_PAGES');
    expect(error.zh).toContain('201 页');
  });

  it('a damaged PDF', async () => {
    expect((await read(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'))).code).toBe('PDF');
  });

  it('a PDF with readable text that is not a report', async () => {
    expect((await read(buildPdf({ pages: [[{ text: 'Minutes of the meeting held on Monday', x: 72, y: 700 }]] }))).code).toBe(
      'NOT_A_REPORT',
    );
  });
});
