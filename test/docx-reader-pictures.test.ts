/**
 * Pictures in a Word report: a table pasted as a screenshot, an Excel sheet embedded as an object.
 * What they show cannot be read; the report says so (DOCX_IMAGES, with how many), beside the
 * finding that the table is missing, instead of leaving the clerk to guess why.
 */
import { readDocx } from '../src/ingest/docx';
import { p } from './helpers/docx-fixture';
import { readFixture } from './helpers/pipeline';
import { para, rawDocx } from './helpers/raw-docx';

const note = (n: number) => `正文中有 ${n} 张图片或嵌入对象，其中的内容（如以图片插入的表格）无法读取`;

describe('DOCX: pictures are counted and said to be unread', () => {
  it('a table 三 pasted as a picture: the note and the missing table', async () => {
    const report = await readFixture({ version: '2021', tables: { t3: () => [p('', { picture: true })] } });
    expect(report.issues.filter((i) => i.rule === 'DOCX_IMAGES')).toEqual([
      { rule: 'DOCX_IMAGES', severity: 'info', message: note(1), fields: [] },
    ]);
    expect(report.issues.filter((i) => i.rule === 'TABLE_MISSING').map((i) => i.message)).toEqual([
      '未找到表三“收到和处理政府信息公开申请情况”（2021版格式）',
    ]);
  });

  it('a report without pictures has no such note', async () => {
    const report = await readFixture({ version: '2021' });
    expect(report.issues.filter((i) => i.rule === 'DOCX_IMAGES')).toEqual([]);
  });

  it('counts a picture Word writes twice (DrawingML, and VML for old readers) once, and an embedded object', () => {
    const drawing =
      '<w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing>';
    const vml = '<w:pict><v:shape><v:imagedata r:id="rId9"/></v:shape></w:pict>';
    const twice = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${vml}</mc:Fallback></mc:AlternateContent></w:r>`;
    const object = '<w:r><w:object><v:shape><v:imagedata r:id="rId10"/></v:shape></w:object></w:r>';
    const document = readDocx(rawDocx(para('表三见下图：') + para(twice) + para(object)), 'pictures.docx');
    expect(document.messages.filter((m) => m.code === 'DOCX_IMAGES').map((m) => m.message)).toEqual([note(2)]);
  });
});
