/**
 * The pieces of the heading hierarchy one by one: the level of printed numbering, which paragraph
 * is a heading, which heading starts a section, and the blocks of a section.
 */
import type { Block, Paragraph, Table } from '../src/document/types';
import { sectionHeading } from '../src/formats/headings';
import { outlineHeading } from '../src/recognise/outline';
import { sectionText } from '../src/report/section-text';
import { partsByTable, sectionBlocks } from '../src/recognise/section-blocks';
import { findHeadings } from '../src/recognise/sections';
import { printedNumbering } from '../src/text/numbering';

const para = (text: string, more: Partial<Omit<Paragraph, 'kind' | 'text'>> = {}): Paragraph => ({
  kind: 'paragraph',
  text,
  bold: false,
  ...more,
});

describe('printedNumbering', () => {
  it.each([
    ['一、总体情况', 1, '一、', '总体情况'],
    ['十二. 其他', 1, '十二.', '其他'],
    ['（一）主动公开情况', 2, '（一）', '主动公开情况'],
    ['(三)政府信息管理', 2, '(三)', '政府信息管理'],
    ['1.加强组织领导', 3, '1.', '加强组织领导'],
    ['2、把握工作重点', 3, '2、', '把握工作重点'],
    ['3．创新公开形式', 3, '3．', '创新公开形式'],
    ['（1）加强政策解读', 4, '（1）', '加强政策解读'],
    ['（12）推进国资国企信息公开', 4, '（12）', '推进国资国企信息公开'],
  ])('reads %s as level %d', (line, level, numbering, rest) => {
    expect(printedNumbering(line)).toEqual({ level, numbering, rest });
  });

  it.each(['一是加强培训', '二要完善制度', '1.5万条信息', '2023年', '主动公开情况'])('finds no numbering in %s', (line) => {
    expect(printedNumbering(line)).toBeUndefined();
  });
});

describe('outlineHeading', () => {
  it('takes the level from the printed numbering, typed or Word-made', () => {
    expect(outlineHeading(para('（二）依申请公开情况'))).toEqual({
      level: 2,
      numbering: '（二）',
      text: '依申请公开情况',
      typed: true,
    });
    expect(outlineHeading(para('依申请公开情况', { numbering: '（二）' }))).toEqual({
      level: 2,
      numbering: '（二）',
      text: '依申请公开情况',
      typed: false,
    });
  });

  it('takes the level of Word numbering in a form it does not know from its place in the list', () => {
    expect(outlineHeading(para('平台建设', { numbering: '①', numberingLevel: 2 }))).toEqual({
      level: 2,
      numbering: '①',
      text: '平台建设',
      typed: false,
    });
  });

  it('lets numbering beat a heading style, and a style give the level of an unnumbered line', () => {
    expect(outlineHeading(para('（一）基本情况', { headingLevel: 1, bold: true }))?.level).toBe(2);
    expect(outlineHeading(para('工作措施', { headingLevel: 3, bold: true }))?.level).toBe(3);
  });

  it('takes a short bold line on its own as a level-2 heading, a plain one not', () => {
    expect(outlineHeading(para('监督保障', { bold: true }))).toEqual({ level: 2, numbering: '', text: '监督保障', typed: false });
    expect(outlineHeading(para('监督保障'))).toBeUndefined();
  });

  it('reads a numbered line that goes on as a sentence as a paragraph', () => {
    expect(outlineHeading(para('（一）继续强化信息公开责任。切实贯彻落实新修订《条例》。'))).toBeUndefined();
    expect(outlineHeading(para('一是开展检查；二是加强培训'))).toBeUndefined();
  });

  it('splits a heading from the text after its line break', () => {
    expect(outlineHeading(para('（一）主动公开\n全年公开信息100条。'))).toEqual({
      level: 2,
      numbering: '（一）',
      text: '主动公开',
      typed: true,
      rest: '全年公开信息100条。',
    });
  });
});

describe('sectionHeading', () => {
  it('names no section for a sub-item, whatever its words', () => {
    expect(sectionHeading('（一）主动公开情况')).toBeUndefined();
    expect(sectionHeading('1.收到和处理政府信息公开申请情况')).toBeUndefined();
    expect(sectionHeading('二、主动公开情况')?.section.no).toBe(2);
  });
});

describe('findHeadings', () => {
  const blocks: Block[] = [
    para('一、总体情况', { bold: true }),
    para('主动公开情况', { bold: true }),
    para('（二）收到和处理政府信息公开申请情况'),
    para('二、主动公开政府信息情况', { bold: true }),
    para('五、存在的主要问题及改进情况'),
    para('三、收到和处理政府信息公开申请情况'),
    para('一、加强组织领导'),
  ];

  it('starts sections at top-level headings only, in document order, an out-of-order one where it stands', () => {
    expect(findHeadings(blocks).map((h) => [h.block, h.section.no, h.heading])).toEqual([
      [0, 1, '一、总体情况'],
      [3, 2, '二、主动公开政府信息情况'],
      [4, 5, '五、存在的主要问题及改进情况'],
      [5, 3, '三、收到和处理政府信息公开申请情况'],
    ]);
  });

  it('takes an unnumbered line in the exact wording when the section has no numbered heading', () => {
    expect(
      findHeadings([para('总体情况', { bold: true }), para('主动公开政府信息情况', { bold: true })]).map((h) => h.section.no),
    ).toEqual([1, 2]);
  });

  it('does not take a keyword heading for a section before one already started', () => {
    expect(
      findHeadings([para('一、总体情况'), para('五、存在的主要问题及改进情况'), para('三、申请办理')]).map((h) => h.section.no),
    ).toEqual([1, 5]);
  });
});

describe('sectionBlocks', () => {
  const t2: Table = {
    kind: 'table',
    index: 0,
    width: 1,
    height: 1,
    cells: [{ text: '信息内容', row: 0, col: 0, rowSpan: 1, colSpan: 1 }],
    grid: [[0]],
  };
  const other: Table = {
    kind: 'table',
    index: 1,
    width: 2,
    height: 1,
    cells: [
      { text: '电话', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '123', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
    ],
    grid: [[0, 1]],
  };
  const nested: Table = { ...other, index: 2, parent: 1 };
  const doc: Block[] = [para('（一）主动公开'), para('本年度情况如下：'), t2, other, nested, para(''), para('某某县人民政府')];

  it('gives headings, paragraphs and table anchors in order, nested tables and skipped blocks left out', () => {
    const blocks = sectionBlocks(doc, 0, doc.length, new Set([6]), partsByTable([{ spec: 't2.item1', tables: [0], rows: 1 }]));
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, numbering: '（一）', text: '主动公开' },
      { kind: 'paragraph', text: '本年度情况如下：' },
      { kind: 'table', table: 0, part: 't2' },
      { kind: 'table', table: 1, kept: { width: 2, height: 1, cells: other.cells } },
    ]);
    expect(sectionText(blocks)).toEqual(['（一）主动公开', '本年度情况如下：']);
  });
});
