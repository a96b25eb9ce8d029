/**
 * The direct DOCX reader's table grids, on raw WordprocessingML: where Word puts each cell
 * (w:gridBefore, w:gridSpan, w:vMerge in its three spellings, legacy w:hMerge), rows deleted as a
 * tracked change, content controls around rows and cells, nested tables.
 */
import { readDocx } from '../src/ingest/docx';
import type { Block, Table } from '../src/document/types';
import { cellAt } from '../src/document/types';
import { para, rawDocx, tbl, tc, tr } from './helpers/raw-docx';

function tables(body: string): Table[] {
  return readDocx(rawDocx(body), 'grid.docx').blocks.filter((b): b is Table => b.kind === 'table');
}

/** The grid as text: each position shows the text of the cell it belongs to ('·' for a hole). */
function picture(t: Table): string[] {
  return t.grid.map((row) => row.map((i) => (i < 0 ? '·' : t.cells[i].text || '_')).join(' '));
}

describe('direct reader: table grids', () => {
  it('places cells after w:gridBefore empty columns and leaves w:gridAfter as holes', () => {
    const [t] = tables(
      tbl(
        tr(tc('A') + tc('B') + tc('C')) +
          tr(tc('D') + tc('E'), '<w:gridBefore w:val="1"/>') +
          tr(tc('F') + tc('G'), '<w:gridAfter w:val="1"/>'),
        3,
      ),
    );
    expect(picture(t)).toEqual(['A B C', '· D E', 'F G ·']);
    expect(t.cells.find((c) => c.text === 'D')).toMatchObject({ row: 1, col: 1 });
  });

  it('widens a cell by w:gridSpan', () => {
    const [t] = tables(tbl(tr(tc('合计', '<w:gridSpan w:val="2"/>') + tc('9')) + tr(tc('a') + tc('b') + tc('c'))));
    expect(picture(t)).toEqual(['合计 合计 9', 'a b c']);
    expect(t.cells[0]).toMatchObject({ text: '合计', row: 0, col: 0, colSpan: 2, rowSpan: 1 });
  });

  it('extends the cell above for a w:vMerge continuation, whether written val="continue" or without val', () => {
    const [t] = tables(
      tbl(
        tr(tc('申请人', '<w:vMerge w:val="restart"/>') + tc('自然人')) +
          tr(tc('<w:p/>', '<w:vMerge w:val="continue"/>') + tc('法人')) +
          tr(tc('<w:p/>', '<w:vMerge/>') + tc('其他')),
      ),
    );
    expect(picture(t)).toEqual(['申请人 自然人', '申请人 法人', '申请人 其他']);
    expect(t.cells[0]).toMatchObject({ text: '申请人', rowSpan: 3 });
    expect(t.cells).toHaveLength(4);
  });

  it('merges down into the cell of the same grid column in a row that starts with w:gridBefore', () => {
    // Row 2 starts one column in: its continuation cell is in grid column 1, under 'B', not under 'A'.
    const [t] = tables(
      tbl(
        tr(tc('A') + tc('B', '<w:vMerge w:val="restart"/>') + tc('C')) +
          tr(tc('<w:p/>', '<w:vMerge/>') + tc('D'), '<w:gridBefore w:val="1"/>'),
        3,
      ),
    );
    expect(picture(t)).toEqual(['A B C', '· B D']);
    expect(t.cells.find((c) => c.text === 'B')).toMatchObject({ row: 0, col: 1, rowSpan: 2 });
  });

  it('merges a wide cell down when the continuation has the same w:gridSpan', () => {
    const [t] = tables(
      tbl(
        tr(tc('标题', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc('x')) +
          tr(tc('<w:p/>', '<w:gridSpan w:val="2"/><w:vMerge/>') + tc('y')),
      ),
    );
    expect(picture(t)).toEqual(['标题 标题 x', '标题 标题 y']);
  });

  it('treats a continuation with nothing above it as a cell of its own', () => {
    const [t] = tables(tbl(tr(tc('孤', '<w:vMerge/>') + tc('x'))));
    expect(picture(t)).toEqual(['孤 x']);
  });

  it('joins legacy w:hMerge continuation cells to the cell on their left', () => {
    const [t] = tables(
      tbl(tr(tc('宽', '<w:hMerge w:val="restart"/>') + tc('<w:p/>', '<w:hMerge/>') + tc('z')) + tr(tc('a') + tc('b') + tc('c'))),
    );
    expect(picture(t)).toEqual(['宽 宽 z', 'a b c']);
  });

  it('drops a row deleted as a tracked change and keeps an inserted one', () => {
    const [t] = tables(
      tbl(
        tr(tc('留')) +
          tr(tc('删'), '<w:del w:id="1" w:author="审核" w:date="2021-01-01T00:00:00Z"/>') +
          tr(tc('新'), '<w:ins w:id="2" w:author="审核" w:date="2021-01-01T00:00:00Z"/>'),
      ),
    );
    expect(picture(t)).toEqual(['留', '新']);
  });

  it('reads rows and cells wrapped in content controls (w:sdt) as ordinary rows and cells, merges intact', () => {
    const sdt = (xml: string) => `<w:sdt><w:sdtPr><w:alias w:val="字段"/></w:sdtPr><w:sdtContent>${xml}</w:sdtContent></w:sdt>`;
    const [t] = tables(
      tbl(tr(tc('项目', '<w:vMerge w:val="restart"/>') + sdt(tc('1'))) + sdt(tr(tc('<w:p/>', '<w:vMerge/>') + sdt(tc('2'))))),
    );
    expect(picture(t)).toEqual(['项目 1', '项目 2']);
  });

  it('joins the paragraphs of a cell with line breaks and keeps w:br inside a paragraph', () => {
    const [t] = tables(tbl(tr(tc(para('本年新') + para('<w:r><w:t>制作</w:t><w:br/><w:t>数量</w:t></w:r>') + '<w:p/>'))));
    expect(t.cells[0].text).toBe('本年新\n制作\n数量');
  });

  it('emits a table inside a cell as a table of its own, after its parent, with parent set', () => {
    const inner = tbl(tr(tc('内1') + tc('内2')));
    const blocks = readDocx(
      rawDocx(para('前') + tbl(tr(tc(para('外框说明') + inner) + tc('右'))) + para('后')),
      'nested.docx',
    ).blocks;
    expect(blocks.map(kindAndText)).toEqual(['p:前', 't0:外框说明|右', 'p:外框说明', 't1:内1|内2', 'p:右', 'p:后']);
    const [outer, nested] = blocks.filter((b): b is Table => b.kind === 'table');
    expect(outer.parent).toBeUndefined();
    expect(nested).toMatchObject({ index: 1, parent: 0 });
    expect(cellAt(outer, 0, 0)?.text).toBe('外框说明');
  });

  it('numbers tables in document order, nested ones included', () => {
    const blocks = readDocx(
      rawDocx(tbl(tr(tc('一'))) + tbl(tr(tc(tbl(tr(tc(tbl(tr(tc('三层'))))))))) + tbl(tr(tc('末')))),
      'order.docx',
    ).blocks.filter((b): b is Table => b.kind === 'table');
    expect(blocks.map((t) => [t.index, t.parent ?? null])).toEqual([
      [0, null],
      [1, null],
      [2, 1],
      [3, 2],
      [4, null],
    ]);
    expect(blocks[3].cells[0].text).toBe('三层');
  });
});

function kindAndText(b: Block): string {
  return b.kind === 'paragraph' ? `p:${b.text}` : `t${b.index}:${b.cells.map((c) => c.text).join('|')}`;
}
