/**
 * w:altChunk — content Word imports from its own part when it opens the file — read in place by
 * the direct reader: HTML, text and a whole embedded DOCX (one level), its tables numbered after
 * the ones before it; a chunk that cannot be read costs only itself, with a warning.
 */
import { strToU8 } from 'fflate';
import { readDocx } from '../src/ingest/docx';
import type { Block, Table } from '../src/document/types';
import { para, rawDocx, run, tbl, tc, tr } from './helpers/raw-docx';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk';

/** A package whose body is `body`, with each chunk as a part word/<target> under relationship id = target. */
function withChunks(body: string, chunks: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const rels = Object.keys(chunks)
    .map((t) => `<Relationship Id="${t}" Type="${REL}" Target="${t}"/>`)
    .join('');
  const files: Record<string, string | Uint8Array> = {
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  };
  for (const [target, content] of Object.entries(chunks))
    files[`word/${target}`] = typeof content === 'string' ? strToU8(content) : content;
  return rawDocx({ body, files });
}

const chunk = (id: string) => `<w:altChunk r:id="${id}"/>`;
const outline = (blocks: readonly Block[]) =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ${b.index}${b.parent === undefined ? '' : ` in ${b.parent}`}`));

describe('direct reader: w:altChunk', () => {
  it('reads an HTML chunk where it stands, its tables numbered after the ones before it', () => {
    const rows = '<tr><th>信息内容</th><th>本年新制作数量</th></tr><tr><td>规章</td><td>3</td></tr>';
    const html = `<html><body><p>二、主动公开政府信息情况</p><table>${rows}</table><table>${rows}</table><p>三、后文</p></body></html>`;
    const doc = readDocx(
      withChunks(para(run('一、总体情况')) + tbl(tr(tc(para(run('甲'))))) + chunk('a.htm') + para(run('四、结尾')), {
        'a.htm': html,
      }),
      'chunk.docx',
    );
    expect(outline(doc.blocks)).toEqual([
      '一、总体情况',
      'table 0',
      '二、主动公开政府信息情况',
      'table 1',
      'table 2',
      '三、后文',
      '四、结尾',
    ]);
    expect((doc.blocks[3] as Table).cells.map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '规章', '3']);
  });

  it('reads a DOCX chunk, nested tables and all, but not a DOCX inside that one', () => {
    const innermost = rawDocx(para(run('最里层')));
    const nestedTable = tbl(tr(tc(para(run('外格'))) + tc(tbl(tr(tc(para(run('内格'))))))));
    const inner = withChunks(para(run('嵌入的 Word 文档')) + nestedTable + chunk('deeper.docx'), { 'deeper.docx': innermost });
    const doc = readDocx(
      withChunks(tbl(tr(tc(para(run('前表'))))) + chunk('inner.docx'), { 'inner.docx': inner }),
      'nested.docx',
    );
    // The outer table's own text also follows it in the flow, as for any table holding a table.
    expect(outline(doc.blocks)).toEqual(['table 0', '嵌入的 Word 文档', 'table 1', '外格', 'table 2 in 1']);
    expect(doc.messages.map((m) => m.code)).toContain('DOCX_ALTCHUNK');
  });

  it('reads a plain-text chunk line by line', () => {
    const doc = readDocx(withChunks(chunk('t.txt'), { 't.txt': '第一行\r\n\r\n第二行\n' }), 'text.docx');
    expect(outline(doc.blocks)).toEqual(['第一行', '第二行']);
  });

  it('goes on without a chunk whose part is missing, unreadable or damaged, and says so', () => {
    const truncated = rawDocx(para(run('截断'))).subarray(0, 60);
    const chunks = {
      'x.bin': Uint8Array.from([0, 1, 2, 3, 0, 0xff]),
      'cut.docx': truncated,
      'bad.htm': '<html><body><p>好的部分</p>',
    };
    const body = para(run('前')) + chunk('gone') + chunk('x.bin') + chunk('cut.docx') + chunk('bad.htm') + para(run('后'));
    const doc = readDocx(withChunks(body, chunks), 'broken-chunk.docx');
    expect(outline(doc.blocks)).toEqual(['前', '好的部分', '后']);
    expect(doc.messages.filter((m) => m.code === 'DOCX_ALTCHUNK')).toHaveLength(3);
  });
});
