/**
 * The regenerated DOCX, opened as the zip it is: GB/T 9704 page set-up and fonts (East-Asian
 * names in the eastAsia slot), the official headings in order, page numbers, the signature block,
 * and tables whose rows, labels and merges are exactly those of the format description.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { reportToDocx } from '../src/export/docx';
import { partLayout, type LayoutTable } from '../src/formats/layout';
import { getFormat, type Format } from '../src/formats/model';
import type { FormatVersion, PartId } from '../src/formats/types';
import { parseCell } from '../src/recognise/values';
import type { Report } from '../src/report/types';
import { readFixture } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';

type Parts = Record<string, string>;

async function docxParts(report: Report): Promise<Parts> {
  const files = unzipSync(new Uint8Array(await reportToDocx(report)));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => /\.(xml|rels)$/.test(n))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

function attr(xml: string, tag: string, name: string): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
}

function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

function paragraphText(p: string): string {
  return [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** Body paragraphs (outside tables) with their style id. */
function bodyParagraphs(document: string): { style?: string; text: string; xml: string }[] {
  const body = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
    style: attr(m[0], 'w:pStyle', 'w:val'),
    text: paragraphText(m[0]),
    xml: m[0],
  }));
}

interface XmlCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** Origin cells of a w:tbl, rebuilt from gridSpan and vMerge, independently of our readers. */
function tableCells(tbl: string): { cells: XmlCell[]; width: number; height: number } {
  const rows = [...tbl.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  const cells: XmlCell[] = [];
  const open = new Map<number, XmlCell>();
  rows.forEach((tr, r) => {
    let col = 0;
    for (const [tc] of tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const span = Number(attr(tc, 'w:gridSpan', 'w:val') ?? 1);
      const vMerge = /<w:vMerge\b/.test(tc) ? (attr(tc, 'w:vMerge', 'w:val') ?? 'continue') : undefined;
      if (vMerge === 'continue') {
        open.get(col)!.rowSpan++;
      } else {
        const texts = [...tc.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0]));
        const cell = { row: r, col, rowSpan: 1, colSpan: span, text: texts.join('\n') };
        cells.push(cell);
        open.set(col, cell);
      }
      col += span;
    }
  });
  return { cells, width: (tbl.match(/<w:gridCol\b/g) ?? []).length, height: rows.length };
}

/** Labels as printed; a value cell as the number it reads as (an amount may carry its unit). */
function comparable(cells: readonly XmlCell[], layout: LayoutTable, format: Format): unknown[] {
  const keys = new Map(layout.cells.filter((c) => c.role === 'value').map((c) => [`${c.row}:${c.col}`, c.key!]));
  return [...cells].sort(byPosition).map((c) => {
    const key = keys.get(`${c.row}:${c.col}`);
    const shown = key ? { key, value: parseCell(c.text, format.byKey.get(key)!.unit!).value } : { text: c.text };
    return { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, ...shown };
  });
}

function expectedCells(layout: LayoutTable, report: Report): unknown[] {
  return [...layout.cells].sort(byPosition).map((c) => ({
    row: c.row,
    col: c.col,
    rowSpan: c.rowSpan,
    colSpan: c.colSpan,
    ...(c.role === 'value' ? { key: c.key, value: report.fields[c.key!] } : { text: c.text }),
  }));
}

const byPosition = (a: XmlCell, b: XmlCell) => a.row - b.row || a.col - b.col;

describe.each(['2019', '2021'] as const)('the %s-format DOCX', (version: FormatVersion) => {
  let report: Report;
  let parts: Parts;
  beforeAll(async () => {
    report = await readFixture(
      { version, values: consistentValues(version, 31), agency: '某某市生态环境局', year: version === '2019' ? 2020 : 2021 },
      'mammoth',
    );
    parts = await docxParts(report);
  });

  it('is A4 with the GB/T 9704 margins (top 37, left 28, bottom 35, right 26 mm)', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml'])![0];
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    const mm = (name: string) => (Number(attr(sect, 'w:pgMar', name)) * 25.4) / 1440;
    expect(mm('w:top')).toBeCloseTo(37, 1);
    expect(mm('w:left')).toBeCloseTo(28, 1);
    expect(mm('w:bottom')).toBeCloseTo(35, 1);
    expect(mm('w:right')).toBeCloseTo(26, 1);
  });

  it('sets the body in 仿宋_GB2312 三号 (eastAsia slot), fixed 28.9 pt pitch, two-character first-line indent', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(parts['word/styles.xml'])![0];
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    expect(attr(defaults, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(Number(attr(defaults, 'w:spacing', 'w:line')) / 20).toBeCloseTo(28.9, 1);
    expect(attr(defaults, 'w:ind', 'w:firstLineChars')).toBe('200');
  });

  it('sets the title in 方正小标宋简体 二号 centred, 一、 headings in 黑体, （一） in 楷体_GB2312, tables in 宋体 五号', () => {
    const styles = parts['word/styles.xml'];
    const title = style(styles, 'Title');
    expect(attr(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(attr(style(styles, 'Heading1'), 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(style(styles, 'Heading2'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    const table = style(styles, 'TableText');
    expect(attr(table, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    expect(attr(table, 'w:sz', 'w:val')).toBe('21');
  });

  it('lists the Chinese fonts in the font table with the names Word should substitute (仿宋_GB2312 → 仿宋)', () => {
    const table = parts['word/fontTable.xml'];
    const entry = (name: string) => new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`).exec(table)?.[0] ?? '';
    expect(attr(entry('仿宋_GB2312'), 'w:altName', 'w:val')).toBe('仿宋');
    expect(attr(entry('楷体_GB2312'), 'w:altName', 'w:val')).toBe('楷体');
    expect(attr(entry('仿宋_GB2312'), 'w:charset', 'w:val')).toBe('86');
    expect(entry('方正小标宋简体')).not.toBe('');
  });

  it('prints the title, then the six official headings in order, then issuer and date right-aligned', () => {
    const paragraphs = bodyParagraphs(parts['word/document.xml']);
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: report.meta.title });
    const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(getFormat(version).spec.sections.map((s) => s.heading));
    const [issuer, date] = paragraphs.slice(-2);
    expect(issuer).toMatchObject({ style: 'Signature', text: report.meta.issuer });
    const [y, m, d] = report.meta.publishDate!.split('-').map(Number);
    expect(date).toMatchObject({ style: 'Signature', text: `${y}年${m}月${d}日` });
    expect(attr(style(parts['word/styles.xml'], 'Signature'), 'w:jc', 'w:val')).toBe('right');
  });

  it('numbers pages — N — in 4号 宋体, odd pages right and even pages left', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\b/);
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml'])![0];
    const rels = parts['word/_rels/document.xml.rels'];
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return parts[`word/${target}`];
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const xml = footer(type);
      expect(attr(xml, 'w:jc', 'w:val')).toBe(side);
      expect(xml).toMatch(/PAGE/);
      expect(paragraphText(xml)).toBe('—  —');
      expect(attr(xml, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(xml, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('lays out every table exactly as partLayout: rows, grid columns, labels, merges and values', () => {
    const tables = [...parts['word/document.xml'].matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const format = getFormat(version);
    expect(tables).toHaveLength(format.spec.parts.length);
    format.spec.parts.forEach((part, i) => {
      const layout = partLayout(format, part.id as PartId);
      const xml = tableCells(tables[i]);
      expect({ width: xml.width, height: xml.height }).toEqual({ width: layout.width, height: layout.height });
      expect(comparable(xml.cells, layout, format)).toEqual(expectedCells(layout, report));
    });
  });
});
