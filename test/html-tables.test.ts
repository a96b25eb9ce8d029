/**
 * Report tables as web pages print them: the official layouts of templates/ rendered as HTML and
 * bent the way CMS editors and Word's "save as web page" bend them. Every quirk must still give
 * every field, with its raw text and source cell.
 */
import { fieldDiff, readReport } from './helpers/pipeline';
import { generateArticle, type Quirk } from './helpers/html-fixture';

function page(inner: string): Buffer {
  return Buffer.from(`<html><head><meta charset="utf-8"></head><body>${inner}</body></html>`, 'utf8');
}

async function readArticle(version: '2019' | '2021', seed: number, quirks: Quirk[]) {
  const a = generateArticle({ version, seed, quirks });
  const report = await readReport(page(a.html), 'table.html');
  return { a, report };
}

describe('table quirks of web-published reports', () => {
  const cases: [Quirk, string][] = [
    ['br-headers', 'header labels broken by <br> or a space (本年新<br>制作数量, 商业 企业)'],
    ['p-cells', 'every cell text in its own <p>, multi-line labels as several <p>'],
    ['th-header', 'header rows as <th> in a <thead>'],
    ['split-grid', "Word's ragged grid: each column split in two, values in either half or across both"],
    ['omit-colspan', 'a value cell that ends its row without the colspan of its header'],
    ['word-html', 'Word "save as web page" soup: MsoNormal, <o:p>, mso- styles, conditional comments, list numbering'],
    ['font-soup', '<font>/<span> runs that split labels and values mid-word'],
    ['split-t2', 'table 二 as one table per block, captions as paragraphs above them'],
    ['caption-element', 'table 二 as one table per block, each caption in a <caption> element'],
    ['div-br-paragraphs', 'the article as one editor <div> of lines separated by <br>'],
    ['units', 'units printed in cells (21项, 251000元, 424.47万元)'],
  ];
  for (const version of ['2019', '2021'] as const) {
    for (const [quirk, what] of cases) {
      it(`${version}: ${what}`, async () => {
        const { a, report } = await readArticle(version, 31, [quirk]);
        expect(fieldDiff(report.fields, a.expected)).toEqual([]);
      });
    }
  }

  it('reads &nbsp; and empty cells as blank, and /, —, 无 as placeholders — never as 0', async () => {
    const { a, report } = await readArticle('2021', 32, ['nbsp-blanks']);
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
    const blanks = Object.entries(a.expected).filter(([k, v]) => v === null && !k.startsWith('meta'));
    expect(blanks).toHaveLength(13);
    for (const [key] of blanks) expect(report.cells[key].status).toBe('blank');
    const placeholders = await readArticle('2019', 33, ['placeholders']);
    expect(fieldDiff(placeholders.report.fields, placeholders.a.expected)).toEqual([]);
    const marked = Object.entries(placeholders.a.expected).filter(([k, v]) => v === null && !k.startsWith('meta'));
    for (const [key] of marked) expect(placeholders.report.cells[key].status).toBe('placeholder');
  });

  it('keeps the source cell of a value in a split grid at the position the page gives it', async () => {
    const { a, report } = await readArticle('2021', 34, ['split-grid']);
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
    // Every grid column is doubled, so 自然人 of 本年新收 starts at grid column 6 or 7 of table 三.
    const source = report.cells['t3.received.natural'].source!;
    expect(source.table).toBe(1);
    expect([6, 7]).toContain(source.col);
  });

  it('reads a header whose cells carry inline styles, widths and valign, and values with &nbsp; padding', async () => {
    const a = generateArticle({ version: '2019', seed: 35 });
    const padded = a.html.replace(
      /<td([^>]*)>(\d+)<\/td>/g,
      '<td$1 width="52" style="padding:0 4px;font-family:仿宋_GB2312">&nbsp;$2&nbsp;</td>',
    );
    const report = await readReport(page(padded), 'styled.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });

  it('takes a header row that declares a wider colspan than its data rows use (2021 table 二 blocks)', async () => {
    // 本年处理决定数量 spans three columns; the data rows below give a single cell without colspan.
    const a = generateArticle({ version: '2021', seed: 36 });
    const narrow = a.html.replace(/(<td)( colspan="3")([^>]*>)(-?\d+(?:\.\d+)?)<\/td>/g, '$1$3$4</td>');
    expect(narrow).not.toBe(a.html);
    const report = await readReport(page(narrow), 'narrow.html');
    expect(fieldDiff(report.fields, a.expected)).toEqual([]);
  });
});
