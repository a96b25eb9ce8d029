/**
 * Automatic numbering: the text Word prints before a paragraph, counted from numbering.xml the
 * way Word counts — formats, level texts, starts, restarts by overrides, levels resetting the
 * levels below, numbering through a paragraph style, numbering styles.
 */
import { readDocx } from '../src/ingest/docx';
import { formatCounter } from '../src/ingest/docx/number-format';
import type { Paragraph } from '../src/document/types';
import { lvl, numberingDef, numPr, para, rawDocx, tbl, tc, tr } from './helpers/raw-docx';

function numbered(numbering: string, body: string, styles?: string): string[] {
  const doc = readDocx(rawDocx({ body, numbering, styles }), 'numbering.docx');
  return doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((p) => `${p.numbering ?? ''}|${p.text}`);
}

describe('number formats', () => {
  it.each([
    [
      'chineseCounting',
      [1, 2, 10, 11, 20, 21, 99, 100, 101, 110],
      ['一', '二', '十', '十一', '二十', '二十一', '九十九', '一百', '一百〇一', '一百一十'],
    ],
    ['chineseCountingThousand', [10, 101, 1001], ['十', '一百零一', '一千零一']],
    ['chineseLegalSimplified', [1, 10, 12], ['壹', '壹拾', '壹拾贰']],
    ['decimalEnclosedCircle', [1, 20, 21], ['①', '⑳', '21']],
    ['decimalEnclosedParen', [3], ['⑶']],
    ['ideographTraditional', [1, 10], ['甲', '癸']],
    ['decimalZero', [7, 12], ['07', '12']],
    ['decimalFullWidth', [12], ['１２']],
    ['upperLetter', [1, 26, 27, 1_000_000_000], ['A', 'Z', 'AA', '1000000000']],
    ['lowerRoman', [4, 9, 14], ['iv', 'ix', 'xiv']],
    ['someFutureFormat', [5], ['5']],
  ] as const)('prints %s', (format, values, expected) => {
    expect(values.map((n) => formatCounter(n, format))).toEqual(expected);
  });
});

describe('direct reader: automatic numbering', () => {
  const sections = numberingDef(
    1,
    lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.'),
  );

  it('prints 一、 （一） 1. for a three-level Chinese outline, lower levels restarting under each higher one', () => {
    expect(
      numbered(
        sections,
        para('总体情况', numPr(1, 0)) +
          para('主动公开', numPr(1, 1)) +
          para('规章', numPr(1, 2)) +
          para('规范性文件', numPr(1, 2)) +
          para('依申请公开', numPr(1, 1)) +
          para('办理结果', numPr(1, 2)) +
          para('主动公开政府信息情况', numPr(1, 0)) +
          para('概述', numPr(1, 1)),
      ),
    ).toEqual([
      '一、|总体情况',
      '（一）|主动公开',
      '1.|规章',
      '2.|规范性文件',
      '（二）|依申请公开',
      '1.|办理结果',
      '二、|主动公开政府信息情况',
      '（一）|概述',
    ]);
  });

  it('composes multi-level texts (%1.%2) and honours w:start', () => {
    const def = numberingDef(4, lvl(0, 'decimal', '第%1部分', 3) + lvl(1, 'decimal', '%1.%2'));
    expect(
      numbered(
        def,
        para('甲', numPr(4, 0)) +
          para('乙', numPr(4, 1)) +
          para('丙', numPr(4, 1)) +
          para('丁', numPr(4, 0)) +
          para('戊', numPr(4, 1)),
      ),
    ).toEqual(['第3部分|甲', '3.1|乙', '3.2|丙', '第4部分|丁', '4.1|戊']);
  });

  it('restarts at a w:num whose w:lvlOverride/w:startOverride restarts the list, and continues a w:num sharing the abstract', () => {
    const defs =
      numberingDef(2, lvl(0, 'decimalEnclosedCircle', '%1')) +
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>';
    expect(
      numbered(
        defs,
        para('a', numPr(2)) + para('b', numPr(2)) + para('重新编号', numPr(3)) + para('c', numPr(3)) + para('继续', numPr(5)),
      ),
    ).toEqual(['①|a', '②|b', '①|重新编号', '②|c', '③|继续']);
  });

  it('uses a whole level redefined in w:lvlOverride', () => {
    const defs = numberingDef(
      6,
      lvl(0, 'decimal', '%1.'),
      '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:lvlOverride>',
    );
    expect(numbered(defs, para('覆盖', numPr(6)))).toEqual(['一、|覆盖']);
  });

  it('numbers a paragraph through its style (w:pStyle → style w:numPr), its level linked by the level w:pStyle', () => {
    const defs = numberingDef(
      7,
      lvl(0, 'chineseCounting', '%1、', 1, '<w:pStyle w:val="h1"/>') +
        lvl(1, 'chineseCounting', '（%2）', 1, '<w:pStyle w:val="h2"/>'),
    );
    const styles =
      '<w:style w:type="paragraph" w:styleId="h1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="h2"><w:name w:val="heading 2"/><w:basedOn w:val="h1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>';
    expect(
      numbered(
        defs,
        para('总体情况', '<w:pStyle w:val="h1"/>') +
          para('小节', '<w:pStyle w:val="h2"/>') +
          para('第二节', '<w:pStyle w:val="h1"/>'),
        styles,
      ),
    ).toEqual(['一、|总体情况', '（一）|小节', '二、|第二节']);
  });

  it('switches inherited numbering off with w:numId 0', () => {
    const defs = numberingDef(8, lvl(0, 'decimal', '%1.'));
    const styles =
      '<w:style w:type="paragraph" w:styleId="list"><w:name w:val="列表"/><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>';
    expect(
      numbered(
        defs,
        para('有号', '<w:pStyle w:val="list"/>') +
          para('无号', `<w:pStyle w:val="list"/>${numPr(0)}`) +
          para('再有号', '<w:pStyle w:val="list"/>'),
        styles,
      ),
    ).toEqual(['1.|有号', '|无号', '2.|再有号']);
  });

  it('follows a numbering style (w:numStyleLink) to the abstract that holds the levels', () => {
    const defs =
      '<w:abstractNum w:abstractNumId="10"><w:styleLink w:val="outline"/>' +
      lvl(0, 'chineseCounting', '%1、') +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="outline"/></w:abstractNum>' +
      '<w:num w:numId="20"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="21"><w:abstractNumId w:val="11"/></w:num>';
    const styles =
      '<w:style w:type="numbering" w:styleId="outline"><w:name w:val="大纲"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>';
    expect(numbered(defs, para('经样式', numPr(21)) + para('再经样式', numPr(21)), styles)).toEqual([
      '一、|经样式',
      '二、|再经样式',
    ]);
  });

  it('keeps a level from restarting when its w:lvlRestart says 0, and prints all levels in decimal under w:isLgl', () => {
    const defs =
      numberingDef(12, lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%2)', 1, '<w:lvlRestart w:val="0"/>')) +
      numberingDef(13, lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%1.%2', 1, '<w:isLgl/>'));
    expect(
      numbered(
        defs,
        para('a', numPr(12, 0)) +
          para('b', numPr(12, 1)) +
          para('c', numPr(12, 0)) +
          para('d', numPr(12, 1)) +
          para('e', numPr(13, 0)) +
          para('f', numPr(13, 0)) +
          para('g', numPr(13, 1)),
      ),
    ).toEqual(['一、|a', '1)|b', '二、|c', '2)|d', 'I.|e', 'II.|f', '2.1|g']);
  });

  it('prints bullets in symbol fonts as the character shown, and takes a plain format from mc:Fallback over a custom one', () => {
    const defs =
      numberingDef(
        14,
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>',
      ) +
      numberingDef(
        15,
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl>',
      );
    expect(numbered(defs, para('要点', numPr(14)) + para('编号', numPr(15)))).toEqual(['•|要点', '01|编号']);
  });

  it('counts numbered paragraphs in table cells in document order and prints the number in the cell text', () => {
    const defs = numberingDef(16, lvl(0, 'chineseCounting', '（%1）'));
    const doc = readDocx(
      rawDocx({
        numbering: defs,
        body: para('前言', numPr(16)) + tbl(tr(tc(para('予以公开', numPr(16))) + tc('5'))) + para('后记', numPr(16)),
      }),
      'cells.docx',
    );
    expect(
      doc.blocks.map((b) => (b.kind === 'paragraph' ? `${b.numbering}${b.text}` : b.cells.map((c) => c.text).join('|'))),
    ).toEqual(['（一）前言', '（二）予以公开|5', '（三）后记']);
  });

  it('leaves the numbering out when numbering.xml is damaged, with a warning, and reads the text', () => {
    const doc = readDocx(rawDocx({ numbering: '<w:abstractNum>', body: para('正文', numPr(1)) }), 'broken-numbering.docx');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '正文', bold: false }]);
    expect(doc.messages).toEqual([expect.objectContaining({ type: 'warning', code: 'DOCX_PART' })]);
  });
});
