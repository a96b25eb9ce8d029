/**
 * The direct DOCX reader's paragraphs, on raw WordprocessingML: what Word prints is what is read —
 * tracked changes accepted, cached field results, text boxes once, content controls, special
 * characters, hidden text left out; bold and heading levels from runs and styles.
 */
import { readDocx } from '../src/ingest/docx';
import type { Paragraph } from '../src/document/types';
import { documentXml, para, rawDocx, run, tbl, tc, tr, type RawPackage } from './helpers/raw-docx';

function paragraphs(pkg: RawPackage | string): Paragraph[] {
  return readDocx(rawDocx(pkg), 'text.docx').blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
}

function texts(pkg: RawPackage | string): string[] {
  return paragraphs(pkg).map((p) => p.text);
}

const CHANGE = 'w:id="1" w:author="办公室" w:date="2021-01-20T10:00:00Z"';

describe('direct reader: tracked changes are accepted', () => {
  it('keeps inserted text (w:ins, w:moveTo) and drops deleted text (w:del/w:delText, w:moveFrom)', () => {
    expect(
      texts(
        para(
          run('本年共受理') +
            `<w:del ${CHANGE}><w:r><w:delText>12</w:delText></w:r></w:del>` +
            `<w:ins ${CHANGE}>${run('15')}</w:ins>` +
            run('件') +
            `<w:moveFrom ${CHANGE}>${run('（旧位置）')}</w:moveFrom><w:moveTo ${CHANGE}>${run('。')}</w:moveTo>`,
        ),
      ),
    ).toEqual(['本年共受理15件。']);
  });

  it('joins a paragraph whose mark was deleted to the next paragraph', () => {
    expect(texts(para(run('一、总体'), `<w:rPr><w:del ${CHANGE}/></w:rPr>`) + para('情况') + para('下一段'))).toEqual([
      '一、总体情况',
      '下一段',
    ]);
  });

  it('keeps the text of a deleted paragraph mark with no paragraph after it (last in a cell)', () => {
    const doc = readDocx(rawDocx(tbl(tr(tc(para(run('末段'), `<w:rPr><w:del ${CHANGE}/></w:rPr>`))))), 'mark.docx');
    expect(doc.blocks[0]).toMatchObject({ kind: 'table', cells: [{ text: '末段' }] });
  });

  it('ignores formatting recorded before a change (w:rPrChange)', () => {
    const [p] = paragraphs(
      para(`<w:r><w:rPr><w:b w:val="0"/><w:rPrChange ${CHANGE}><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>正文</w:t></w:r>`),
    );
    expect(p.bold).toBe(false);
  });
});

describe('direct reader: fields show their cached result, never the instruction', () => {
  it('reads the result of w:fldSimple', () => {
    expect(texts(para(`${run('共')}<w:fldSimple w:instr=" =SUM(ABOVE) ">${run('128')}</w:fldSimple>${run('件')}`))).toEqual([
      '共128件',
    ]);
  });

  it('reads a complex field between separate and end, not its w:instrText', () => {
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY 年度 </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      run('2021') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    expect(texts(para(run('报告年度：') + field))).toEqual(['报告年度：2021']);
  });

  it('reads nested fields by the outer result, and a field spanning paragraphs', () => {
    const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
    const sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const instr = (t: string) => `<w:r><w:instrText>${t}</w:instrText></w:r>`;
    expect(
      texts(
        para(
          begin + instr(' IF ') + begin + instr(' PAGE ') + sep + run('9') + end + instr(' > 1 "多" "少" ') + sep + run('多'),
        ) + para(run('结果续') + end + run('。')),
      ),
    ).toEqual(['多', '结果续。']);
  });
  it('reads on after a field whose separate and end were lost (deleted as a tracked change)', () => {
    const broken =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      `<w:del ${CHANGE}><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:delText>1</w:delText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:del>`;
    expect(texts(para(run('第') + broken + run('页')) + para('后面的段落照常读取'))).toEqual(['第', '后面的段落照常读取']);
  });
});

describe('direct reader: text boxes and content controls', () => {
  const textbox = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`;

  it('reads a DrawingML text box (mc:Choice) once, not again from its VML fallback', () => {
    const alt =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>' +
      `<wps:wsp><wps:txbx>${textbox('框内文字')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${textbox('框内文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(texts(para(run('锚定段落') + alt) + para('下一段'))).toEqual(['锚定段落', '框内文字', '下一段']);
  });

  it('reads a DrawingML-only text box (no fallback) and a VML-only one', () => {
    const drawing = `<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx>${textbox('新式文本框')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const vml = `<w:r><w:pict><v:shape><v:textbox>${textbox('旧式文本框')}</v:textbox></v:shape></w:pict></w:r>`;
    expect(texts(para(drawing) + para(vml))).toEqual(['新式文本框', '旧式文本框']);
  });

  it('reads block and inline content controls (w:sdt), and leaves out the prompt of an empty one', () => {
    const sdt = (content: string, pr = '') =>
      `<w:sdt><w:sdtPr><w:alias w:val="填写"/>${pr}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    expect(
      texts(
        sdt(para('块级控件内的段落')) +
          para(run('机关名称：') + sdt(run('某某县人民政府'))) +
          para(run('联系电话：') + sdt(run('单击或点击此处输入文字。'), '<w:showingPlcHdr/>')),
      ),
    ).toEqual(['块级控件内的段落', '机关名称：某某县人民政府', '联系电话：']);
  });
});

describe('direct reader: characters', () => {
  it('turns w:tab into a space, w:br/w:cr into line breaks, w:noBreakHyphen into a hyphen, w:softHyphen into nothing', () => {
    expect(
      texts(
        para(
          '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t></w:r>' +
            '<w:r><w:t>2020</w:t><w:noBreakHyphen/><w:t>2021</w:t><w:softHyphen/><w:t>年</w:t></w:r>',
        ),
      ),
    ).toEqual(['甲 乙\n丙\n丁2020\u20112021年']);
  });

  it('reads the base text of ruby (phonetic guide), not the guide above it', () => {
    expect(
      texts(
        para(
          '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>xìn</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>忻</w:t></w:r></w:rubyBase></w:ruby></w:r>' +
            run('州'),
        ),
      ),
    ).toEqual(['忻州']);
  });

  it('maps w:sym in symbol fonts to the character shown (Wingdings check box, Symbol ×)', () => {
    expect(
      texts(
        para(
          '<w:r><w:sym w:font="Wingdings 2" w:char="F052"/><w:t>是</w:t><w:sym w:font="Wingdings" w:char="F0A8"/><w:t>否</w:t></w:r>' +
            '<w:r><w:t>3</w:t><w:sym w:font="Symbol" w:char="F0B4"/><w:t>4</w:t></w:r>',
        ),
      ),
    ).toEqual(['☑是□否3×4']);
  });

  it('leaves hidden text (w:vanish) out, as Word does when printing', () => {
    const doc = readDocx(rawDocx(para(run('公开') + run('（内部备注）', '<w:vanish/>') + run('数量'))), 'hidden.docx');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '公开数量', bold: false }]);
    expect(doc.messages.map((m) => m.code)).toContain('DOCX_HIDDEN_TEXT');
  });

  it('reads namespaces under unusual prefixes, and a UTF-16 document.xml', () => {
    const odd = documentXml(
      '<ns0:p><ns0:r><ns0:rPr><ns0:b ns0:val="1"/></ns0:rPr><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>',
      'xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
    )
      .replace(/<w:(\/?)(document|body)/g, '<ns0:$1$2')
      .replace(/<\/w:(document|body)/g, '</ns0:$1');
    expect(paragraphs({ body: '', files: { 'word/document.xml': odd } })).toEqual([
      { kind: 'paragraph', text: '前缀不同', bold: true },
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(documentXml(para('双字节编码')).replace('UTF-8', 'UTF-16'), 'utf16le'),
    ]);
    expect(texts({ body: '', files: { 'word/document.xml': utf16 } })).toEqual(['双字节编码']);
  });
});

describe('direct reader: bold and headings', () => {
  const styles =
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="biaoti2"><w:name w:val="标题 2"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="myHeading"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="strong"><w:name w:val="加粗段落"/><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="em"><w:name w:val="强调"/><w:rPr><w:b/></w:rPr></w:style>';

  it('takes the heading level from the style name (heading 1, 标题 2), or the outline level it inherits', () => {
    const ps = paragraphs({
      styles,
      body:
        para('总体情况', '<w:pStyle w:val="1"/>') +
        para('（一）主动公开', '<w:pStyle w:val="biaoti2"/>') +
        para('自定义标题', '<w:pStyle w:val="myHeading"/>') +
        para('大纲级别', '<w:outlineLvl w:val="2"/>') +
        para('正文'),
    });
    expect(ps.map((p) => [p.text, p.headingLevel ?? null, p.bold])).toEqual([
      ['总体情况', 1, true],
      ['（一）主动公开', 2, true],
      ['自定义标题', 1, true],
      ['大纲级别', 3, true],
      ['正文', null, false],
    ]);
  });

  it('is bold when every visible run is bold — directly, by character style or by paragraph style', () => {
    const ps = paragraphs({
      styles,
      body:
        para(run('全部', '<w:b/>') + run(' ') + run('加粗', '<w:b w:val="true"/>')) +
        para(run('部分', '<w:b/>') + run('不粗')) +
        para(run('字符样式', '<w:rStyle w:val="em"/>')) +
        para(run('段落样式'), '<w:pStyle w:val="strong"/>') +
        para(run('取消', '<w:b w:val="0"/>'), '<w:pStyle w:val="strong"/>'),
    });
    expect(ps.map((p) => [p.text, p.bold])).toEqual([
      ['全部 加粗', true],
      ['部分不粗', false],
      ['字符样式', true],
      ['段落样式', true],
      ['取消', false],
    ]);
  });

  it('finds a style however its tag is written (single quotes, spaces around =, ids that prefix each other)', () => {
    const odd =
      "<w:style w:type='paragraph' w:styleId = '2'><w:name w:val='heading 2'/></w:style>" +
      '<w:style w:type="paragraph" w:styleId="21"><w:name w:val="heading 3"/></w:style>';
    const ps = paragraphs({ styles: odd, body: para('二级', '<w:pStyle w:val="2"/>') + para('三级', '<w:pStyle w:val="21"/>') });
    expect(ps.map((p) => p.headingLevel)).toEqual([2, 3]);
  });

  it('reads styles under the prefix their root declares; a damaged root loses the styles, with a note, not the text', () => {
    const stylesPart = (rootAttrs: string) =>
      `<?xml version="1.0"?><s:styles xmlns:s="http://schemas.openxmlformats.org/wordprocessingml/2006/main"${rootAttrs}>` +
      '<s:style s:type="paragraph" s:styleId="1"><s:name s:val="heading 1"/></s:style></s:styles>';
    const read = (rootAttrs: string) =>
      readDocx(
        rawDocx({ body: para('标题', '<w:pStyle w:val="1"/>'), styles: '', files: { 'word/styles.xml': stylesPart(rootAttrs) } }),
        'styles.docx',
      );
    const good = read(' s:x="1"');
    expect(good.blocks.map((b) => b.kind === 'paragraph' && [b.text, b.headingLevel])).toEqual([['标题', 1]]);
    expect(good.messages).toEqual([]);
    const damaged = read(' s:x="&bad;"');
    expect(damaged.blocks.map((b) => b.kind === 'paragraph' && [b.text, b.headingLevel ?? null])).toEqual([['标题', null]]);
    expect(damaged.messages.map((m) => [m.code, m.message])).toEqual([
      ['DOCX_PART', 'word/styles.xml 已损坏，未使用其中的格式信息：word/styles.xml: undefined entity &bad;'],
    ]);
  });

  it('reads only the styles a document uses; a damaged style loses its formatting, not the text', () => {
    const broken = '<w:style w:type="paragraph" w:styleId="bad"><w:name w:val="heading 3"></w:style>';
    const ps = paragraphs({
      styles: broken + styles,
      body: para('坏样式', '<w:pStyle w:val="bad"/>') + para('好样式', '<w:pStyle w:val="1"/>'),
    });
    expect(ps.map((p) => [p.text, p.headingLevel ?? null])).toEqual([
      ['坏样式', null],
      ['好样式', 1],
    ]);
  });
});

describe('direct reader: cells hold the same text rules', () => {
  it('applies tracked changes, fields and hidden text inside table cells', () => {
    const doc = readDocx(
      rawDocx(
        tbl(
          tr(
            tc(para(`<w:del ${CHANGE}><w:r><w:delText>7</w:delText></w:r></w:del><w:ins ${CHANGE}>${run('8')}</w:ins>`)) +
              tc(para(`<w:fldSimple w:instr=" =SUM(LEFT) ">${run('16')}</w:fldSimple>`)) +
              tc(para(run('0') + run('备注', '<w:vanish/>'))),
          ),
        ),
      ),
      'cells.docx',
    );
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.cells.map((c) => c.text)).toEqual(['8', '16', '0']);
  });
});
