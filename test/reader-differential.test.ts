/**
 * Both DOCX readers — the direct one (default) and mammoth (reference) — over every fixture: the
 * bundled sample, standard reports of both formats with several seeds, quirky layouts built with
 * the docx package, and reports written as raw WordprocessingML with the features Word uses and
 * the docx package cannot write. The recognised fields must be identical, and right. Where mammoth
 * is known to be wrong, the case is named below, and the direct reader must be the one that is right.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat } from '../src/formats/model';
import { partLayout } from '../src/formats/layout';
import type { FormatVersion, PartId } from '../src/formats/types';
import { readDocx } from '../src/ingest/docx';
import type { Block, Paragraph, Table } from '../src/document/types';
import { readDocxPackage } from '../src/ingest/docx-package';
import { convertToDocx, findSoffice } from '../src/ingest/soffice';
import { buildDocx, p, table, type FxCell, type FxTable } from './helpers/docx-fixture';
import { fieldDiff, readBytes, readReport } from './helpers/pipeline';
import { officialRows, OFFICIAL_HEADINGS, reportBlocks, type FxReport, type Values } from './helpers/report-fixture';
import { docxFamilies, familyReport as report } from './helpers/docx-families';
import { generateArticle, toMht } from './helpers/html-fixture';
import {
  blocksXml,
  HEADING_NUMBERING,
  lvl,
  numberingDef,
  numPr,
  para,
  rawDocx,
  run,
  type RawCell,
  type RawTableOptions,
} from './helpers/raw-docx';

const SAMPLE = path.join(__dirname, '../samples/xinzhou-jkq-2020.docx');

interface Fixture {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  /** The fields the report really has (the values the fixture was built from). */
  readonly expected: Values;
}

async function bothReaders(bytes: Uint8Array, name: string) {
  const [direct, mammoth] = await Promise.all([readReport(bytes, name, 'docx'), readReport(bytes, name, 'mammoth')]);
  expect(direct.source.reader).toBe('docx');
  expect(mammoth.source.reader).toBe('mammoth');
  return { direct: direct.fields, mammoth: mammoth.fields };
}

/** A report built with the docx package. */
function docxFixture(name: string, r: FxReport): Fixture {
  return { name, bytes: () => buildDocx(reportBlocks(r)), expected: r.values! };
}

/** A report written as raw WordprocessingML. */
function rawFixture(
  name: string,
  r: FxReport,
  options: RawTableOptions | ((t: FxTable) => RawTableOptions) = {},
  extra: { numbering?: string; before?: string } = {},
): Fixture {
  return {
    name,
    bytes: async () =>
      rawDocx({
        body: (extra.before ?? '') + blocksXml(reportBlocks(r), options),
        numbering: HEADING_NUMBERING + (extra.numbering ?? ''),
      }),
    expected: r.values!,
  };
}

/** The format keys of the value cells of a part, in the order officialRows writes the cells. */
function valueKeys(version: FormatVersion, part: PartId): (string | undefined)[][] {
  const layout = partLayout(getFormat(version), part);
  const rows: (string | undefined)[][] = Array.from({ length: layout.height }, () => []);
  for (const c of [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col))
    rows[c.row].push(c.role === 'value' ? c.key : undefined);
  return rows;
}

/** The official rows of a part with some value cells written as raw XML. */
function rowsWithXml(
  version: FormatVersion,
  part: PartId,
  values: Values,
  xml: (key: string, text: string) => string | undefined,
): RawCell[][] {
  const keys = valueKeys(version, part);
  return officialRows(version, part, values).map((row, r) =>
    row.map((c, i) => {
      const key = keys[r][i];
      const x = key ? xml(key, c.text) : undefined;
      return x ? { ...c, xml: x } : c;
    }),
  );
}

const isT3 = (t: FxTable): boolean => t.rows.some((r) => r.some((c) => c.text === '申请人情况'));

// Row labels of table 三 with their 一、 （一） 1. made by Word numbering, as many reports are written.
const LABEL_NUMBERING =
  numberingDef(31, lvl(0, 'chineseCounting', '%1、')) +
  numberingDef(32, lvl(0, 'chineseCounting', '（%1）') + lvl(1, 'decimal', '%2.'));

function autoNumberedLabel(c: FxCell): RawCell {
  const m = /^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)\.)(.+)$/s.exec(c.text);
  if (!m) return c;
  const pr = m[1] ? numPr(31, 0) : m[2] ? numPr(32, 0) : numPr(32, 1);
  return { ...c, xml: para(run(m[4]), pr) };
}

const CHANGE = 'w:id="1" w:author="审核人" w:date="2022-01-20T09:00:00Z"';
const textbox = (content: string) => `<w:txbxContent>${content}</w:txbxContent>`;
const drawingTextbox = (content: string) =>
  '<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>' +
  `<wps:txbx>${textbox(content)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
const sdt = (xml: string) => `<w:sdt><w:sdtPr><w:alias w:val="填报"/></w:sdtPr><w:sdtContent>${xml}</w:sdtContent></w:sdt>`;

const FIXTURES: Fixture[] = [
  {
    name: 'the bundled sample (忻州经济开发区 2020)',
    bytes: async () => fs.readFileSync(SAMPLE),
    expected: JSON.parse(fs.readFileSync(SAMPLE.replace('.docx', '.expected.json'), 'utf8')).fields,
  },
  ...docxFamilies([1, 2, 3], [4, 5, 6]).map((f) => docxFixture(f.name, f.report)),
  rawFixture('raw 2019 report', report('2019', 11)),
  rawFixture('raw 2021 report', report('2021', 12)),
  rawFixture(
    'raw 2021 report, headings numbered by Word (chineseCounting %1、)',
    report('2021', 13, { autoNumberedHeadings: true }),
  ),
  rawFixture(
    'raw 2021 report, row labels of table 三 numbered by Word (一、 （一） 1.)',
    report('2021', 14, {
      tables: { t3: (rows) => [table(rows.map((r) => r.map(autoNumberedLabel)))] },
    }),
    {},
    { numbering: LABEL_NUMBERING },
  ),
  rawFixture(
    'raw 2019 report, row labels of table 三 numbered by Word (一、 （一） 1.)',
    report('2019', 15, {
      tables: { t3: (rows) => [table(rows.map((r) => r.map(autoNumberedLabel)))] },
    }),
    {},
    { numbering: LABEL_NUMBERING },
  ),
  rawFixture('raw 2021 report, every cell of table 四 in a content control', report('2021', 16), (t) =>
    t.rows.some((r) => r.some((c) => c.text === '行政复议')) ? { wrapCell: sdt } : {},
  ),
  (() => {
    const r = report('2021', 17);
    return rawFixture('raw 2021 report, values of table 三 corrected with tracked changes', {
      ...r,
      tables: {
        t3: () => [
          table(
            rowsWithXml('2021', 't3', r.values!, (_key, text) =>
              text
                ? para(`<w:del ${CHANGE}><w:r><w:delText>99</w:delText></w:r></w:del><w:ins ${CHANGE}>${run(text)}</w:ins>`)
                : undefined,
            ),
          ),
        ],
      },
    });
  })(),
  (() => {
    const r = report('2019', 18);
    const fieldOf = (text: string) =>
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =SUM(ABOVE) </w:instrText></w:r>' +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(text)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    return rawFixture('raw 2019 report, totals of table 三 as complex =SUM fields', {
      ...r,
      tables: {
        t3: () => [
          table(
            rowsWithXml('2019', 't3', r.values!, (key, text) => (key.startsWith('t3.total.') ? para(fieldOf(text)) : undefined)),
          ),
        ],
      },
    });
  })(),
  (() => {
    // A report pasted from a web page: the whole page in one layout table, the official tables nested in it.
    const r = report('2019', 25);
    return {
      name: 'raw 2019 report inside a one-cell page-layout table',
      bytes: async () => rawDocx(`<w:tbl><w:tr><w:tc>${blocksXml(reportBlocks(r))}</w:tc></w:tr></w:tbl>`),
      expected: r.values!,
    };
  })(),
  rawFixture(
    'raw 2021 report, title in a text box with a VML fallback',
    report('2021', 19, { title: [] }),
    {},
    {
      before: para(
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>' +
          textbox(para(run('某某市生态环境局2022年政府信息公开工作年度报告', '<w:b/>'))) +
          '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>' +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${textbox(para(run('某某市生态环境局2022年政府信息公开工作年度报告', '<w:b/>')))}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    },
  ),
];

describe('direct reader and mammoth give the same, right fields', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const { direct, mammoth } = await bothReaders(await fixture.bytes(), 'fixture.docx');
    expect(fieldDiff(direct, mammoth)).toEqual([]);
    expect(Object.keys(direct).sort()).toEqual(Object.keys(mammoth).sort());
    expect(fieldDiff(direct, fixture.expected)).toEqual([]);
  });
});

// DOCX written by another real producer: LibreOffice's own writer re-saving a report.
const soffice = findSoffice();
if (!soffice)
  console.warn(
    'reader-differential: LibreOffice (soffice) not installed — the LibreOffice-written fixtures are skipped (apt-get install libreoffice-writer)',
  );

(soffice ? describe : describe.skip)('direct reader and mammoth on DOCX written by LibreOffice', () => {
  const resaved = (fixture: Fixture) => async () => {
    const out = await convertToDocx(await fixture.bytes(), 'docx');
    if (!out.ok) throw new Error(`LibreOffice conversion failed: ${out.reason} ${out.detail ?? ''}`);
    return out.docx;
  };
  const chosen = FIXTURES.filter((f) => /bundled sample|standard 2021 report, seed 4|raw 2021 report, row labels/.test(f.name));
  it.each(chosen.map((f) => [f.name, f] as const))(
    'gives the same, right fields for %s re-saved by LibreOffice',
    async (_name, fixture) => {
      const { direct, mammoth } = await bothReaders(await resaved(fixture)(), 'libreoffice.docx');
      expect(fieldDiff(direct, mammoth)).toEqual([]);
      expect(fieldDiff(direct, fixture.expected)).toEqual([]);
    },
  );
});

describe('the Document itself', () => {
  const documentFixtures = FIXTURES.filter((f) =>
    /sample|standard|raw 20(19|21) report$|content control|tracked changes|complex =SUM/.test(f.name),
  );

  it.each(documentFixtures.map((f) => [f.name, f] as const))(
    'is the same from both readers (paragraphs, bold, headings, table grids): %s',
    async (_name, fixture) => {
      const bytes = await fixture.bytes();
      const [direct, mammoth] = await Promise.all([
        readDocxPackage(bytes, 'doc.docx', 'docx'),
        readDocxPackage(bytes, 'doc.docx', 'mammoth'),
      ]);
      expect(direct.blocks).toEqual(mammoth.blocks);
    },
  );

  it('mammoth drops the numbers of auto-numbered headings — direct reader prints them (一、 … 六、)', async () => {
    const r = report('2021', 26, { autoNumberedHeadings: true });
    const bytes = rawDocx({ body: blocksXml(reportBlocks(r)), numbering: HEADING_NUMBERING });
    const wording = new Set(OFFICIAL_HEADINGS.map((h) => h.replace(/^[一二三四五六]、/, '')));
    const headings = (blocks: readonly Block[]) =>
      blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && wording.has(b.text));
    const direct = headings((await readDocxPackage(bytes, 'h.docx', 'docx')).blocks);
    const mammoth = headings((await readDocxPackage(bytes, 'h.docx', 'mammoth')).blocks);
    expect(direct.map((h) => h.numbering)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(mammoth.map((h) => h.numbering)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(direct.map((h) => h.text)).toEqual(mammoth.map((h) => h.text));
  });

  it('keeps a soft line break inside its paragraph, where the HTML path splits the paragraph in two', async () => {
    const bytes = await buildDocx([p('某某市生态环境局\n2022年政府信息公开工作年度报告', { bold: true })]);
    expect((await readDocxPackage(bytes, 'br.docx', 'docx')).blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '某某市生态环境局\n2022年政府信息公开工作年度报告',
    ]);
    expect((await readDocxPackage(bytes, 'br.docx', 'mammoth')).blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '某某市生态环境局',
      '2022年政府信息公开工作年度报告',
    ]);
  });
});

describe('the direct reader prints Word numbering into cells, as the official table does', () => {
  it('reads the auto-numbered row labels of table 三 exactly as the format prints them', () => {
    const r = report('2021', 20, { tables: { t3: (rows) => [table(rows.map((row) => row.map(autoNumberedLabel)))] } });
    const doc = readDocx(rawDocx({ body: blocksXml(reportBlocks(r)), numbering: LABEL_NUMBERING }), 'labels.docx');
    const t3 = doc.blocks.find((b): b is Table => b.kind === 'table' && b.cells.some((c) => c.text === '申请人情况'))!;
    const labels = partLayout(getFormat('2021'), 't3')
      .cells.filter((c) => c.role === 'row')
      .map((c) => c.text);
    expect(labels.filter((l) => !t3.cells.some((c) => c.text === l))).toEqual([]);
  });
});

/** Keys on which the two readers differ. */
function differing(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}

describe('where mammoth is known to be wrong, the direct reader is right', () => {
  it('mammoth places merged cells wrongly in rows with w:gridBefore — direct reader right', async () => {
    // Table 三's header row of 法人或其他组织 written with w:gridBefore="3" where the corner cell
    // would continue: the 自然人 and 总计 continuations in that row are then counted from the wrong
    // column by mammoth, which shifts the five organisation columns one place left.
    const r = report('2021', 21);
    const bytes = rawDocx({
      body: blocksXml(reportBlocks(r), (t) => (isT3(t) ? { leadingMergesAsGridBefore: (row) => row === 2 } : {})),
    });
    const { direct, mammoth } = await bothReaders(bytes, 'grid-before.docx');
    expect(fieldDiff(direct, r.values!)).toEqual([]);
    // Every column from 法人或其他组织 on is shifted, so every figure of table 三 comes out wrong.
    const t3 = getFormat('2021')
      .fields.filter((f) => f.part === 't3')
      .map((f) => f.key);
    expect(differing(direct, mammoth).sort()).toEqual(t3.sort());
  });

  it('mammoth drops the results of w:fldSimple fields (=SUM totals) — direct reader right', async () => {
    const r = report('2021', 22);
    const simpleField = (text: string) => para(`<w:fldSimple w:instr=" =SUM(ABOVE) ">${run(text)}</w:fldSimple>`);
    const bytes = rawDocx({
      body: blocksXml(
        reportBlocks({
          ...r,
          tables: {
            t4: () => [
              table(
                rowsWithXml('2021', 't4', r.values!, (key, text) => (key.endsWith('.total') ? simpleField(text) : undefined)),
              ),
            ],
          },
        }),
      ),
    });
    const { direct, mammoth } = await bothReaders(bytes, 'fld-simple.docx');
    expect(fieldDiff(direct, r.values!)).toEqual([]);
    expect(differing(direct, mammoth).sort()).toEqual(['t4.review.total', 't4.suitAfterReview.total', 't4.suitDirect.total']);
    expect(mammoth['t4.review.total']).toBeNull();
  });

  it('mammoth drops a title in a DrawingML-only text box — direct reader right', async () => {
    const r = report('2021', 23, { title: [] });
    const title = '某某市生态环境局2022年政府信息公开工作年度报告';
    const bytes = rawDocx({ body: para(drawingTextbox(para(run(title, '<w:b/>')))) + blocksXml(reportBlocks(r)) });
    const { direct, mammoth } = await bothReaders(bytes, 'textbox-title.docx');
    expect(direct['meta.title']).toBe(title);
    expect(direct['meta.agency']).toBe('某某市生态环境局');
    expect(fieldDiff(direct, r.values!)).toEqual([]);
    expect(mammoth['meta.title']).toBeNull();
    expect(differing(direct, mammoth).every((k) => k.startsWith('meta.'))).toBe(true);
  });

  it('mammoth ignores w:altChunk (the whole body kept as an HTML or MHT part, as web-editor OA systems save it) — direct reader right', async () => {
    const article = generateArticle({ version: '2021', seed: 31 });
    const page = `<html><head><meta charset="utf-8"></head><body>${article.html}</body></html>`;
    const chunks: Record<string, Uint8Array> = {
      'afchunk.htm': new TextEncoder().encode(page),
      'afchunk.mht': toMht(page, { saver: 'word', transfer: 'quoted-printable', charset: 'gb2312' }),
    };
    for (const [target, bytes] of Object.entries(chunks)) {
      const rels =
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="chunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/></Relationships>`;
      const docx = rawDocx({
        body: `<w:altChunk r:id="chunk1"/>${para('')}`,
        files: { 'word/_rels/document.xml.rels': rels, [`word/${target}`]: bytes },
      });
      const direct = await readReport(docx, `alt-chunk-${target}.docx`, 'docx');
      expect([target, fieldDiff(direct.fields, article.expected)]).toEqual([target, []]);
      // mammoth sees an empty body: to it, this is not a report at all.
      const mammoth = await readBytes(docx, `alt-chunk-${target}.docx`, 'mammoth');
      expect(!mammoth.ok && mammoth.error.code).toBe('NOT_A_REPORT');
    }
  });

  it('mammoth prints hidden text (w:vanish) into value cells — direct reader right', async () => {
    // A clerk hid last year's figure next to this year's instead of deleting it.
    const r = report('2019', 24);
    const withHidden = (text: string) => para(run(text) + run('（上年12）', '<w:vanish/>'));
    const bytes = rawDocx({
      body: blocksXml(
        reportBlocks({
          ...r,
          tables: {
            t4: () => [
              table(
                rowsWithXml('2019', 't4', r.values!, (key, text) =>
                  key.startsWith('t4.review.') ? withHidden(text) : undefined,
                ),
              ),
            ],
          },
        }),
      ),
    });
    const { direct, mammoth } = await bothReaders(bytes, 'hidden.docx');
    expect(fieldDiff(direct, r.values!)).toEqual([]);
    expect(differing(direct, mammoth)).toEqual([
      't4.review.upheld',
      't4.review.corrected',
      't4.review.other',
      't4.review.pending',
      't4.review.total',
    ]);
  });
});
