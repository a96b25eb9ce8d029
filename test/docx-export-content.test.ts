/**
 * What the regenerated report prints where the source is incomplete or has structure of its own:
 * missing sections, title, issuer or date; （一） sub-headings; long titles.
 */
import { strFromU8, unzipSync } from 'fflate';
import { reportToDocx } from '../src/export/docx';
import type { DocxReader } from '../src/ingest';
import type { Report } from '../src/report/types';
import { fieldDiff, readFixture, readReport } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';

async function documentXml(report: Report): Promise<string> {
  return strFromU8(unzipSync(new Uint8Array(await reportToDocx(report)))['word/document.xml']);
}

function paragraphXml(xml: string, containing: string): string {
  const found = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .find((p) => p.includes(containing));
  if (!found) throw new Error(`no paragraph with ${containing}`);
  return found;
}

describe.each(['docx', 'mammoth'] as DocxReader[])('incomplete sources (%s reader)', (reader) => {
  let base: Report;
  beforeAll(async () => {
    base = await readFixture(
      { version: '2021', year: 2022, agency: '某某县人民政府', values: consistentValues('2021', 51) },
      reader,
    );
  });

  it('prints a missing section as its official heading with an empty body, not a prompt', async () => {
    const sections = base.sections.map((s) => (s.no === 5 ? { ...s, heading: null, paragraphs: [] } : s));
    const back = await readReport(await reportToDocx({ ...base, sections }), 'x.docx', reader);
    expect(back.sections[4]).toMatchObject({ heading: '五、存在的主要问题及改进情况', paragraphs: [] });
    expect(back.sections[5].paragraphs).toEqual(base.sections[5].paragraphs);
  });

  it('gives a report without a title the official one, {agency}{year}年政府信息公开工作年度报告', async () => {
    const model = { ...base, meta: { ...base.meta, title: null }, fields: { ...base.fields, 'meta.title': null } };
    const back = await readReport(await reportToDocx(model), 'x.docx', reader);
    expect(back.meta.title).toBe('某某县人民政府2022年政府信息公开工作年度报告');
    expect(fieldDiff(back.fields, { ...model.fields, 'meta.title': back.meta.title })).toEqual([]);
  });

  it('signs a dated report whose issuer is unknown with the agency', async () => {
    const model = { ...base, meta: { ...base.meta, issuer: null }, fields: { ...base.fields, 'meta.issuer': null } };
    const back = await readReport(await reportToDocx(model), 'x.docx', reader);
    expect(back.meta).toMatchObject({ issuer: '某某县人民政府', publishDate: base.meta.publishDate });
  });

  it('keeps a long title one title when it is broken after the agency name', async () => {
    const agency = '某某自治州某某县自然资源和规划局';
    const title = `${agency}2022年政府信息公开工作年度报告`;
    const model = {
      ...base,
      meta: { ...base.meta, title, agency },
      fields: { ...base.fields, 'meta.title': title, 'meta.agency': agency },
    };
    const xml = paragraphXml(await documentXml(model), agency);
    expect(xml).toMatch(new RegExp(`${agency}</w:t>[\\s\\S]*<w:br/>[\\s\\S]*2022年政府信息公开工作年度报告`));
    const back = await readReport(await reportToDocx(model), 'x.docx', reader);
    expect(back.meta).toMatchObject({ title, agency, year: 2022 });
  });
});

describe('dates and sub-headings', () => {
  let base: Report;
  beforeAll(async () => {
    base = await readFixture({ version: '2021', values: consistentValues('2021', 52) }, 'mammoth');
  });

  it('writes the date in Arabic numerals without padding, and a grey placeholder where the date is unknown', async () => {
    const dated = await documentXml({ ...base, meta: { ...base.meta, publishDate: '2023-01-08' } });
    expect(paragraphXml(dated, '2023年1月8日')).toMatch(/<w:pStyle w:val="Signature"\/>/);
    const undated = await documentXml({ ...base, meta: { ...base.meta, publishDate: null } });
    const placeholder = paragraphXml(undated, '月');
    expect(placeholder).toMatch(/<w:t[^>]*>\s*年\s*月\s*日<\/w:t>/);
    expect(placeholder).toMatch(/<w:color w:val="7F7F7F"\/>/);
  });

  it('sets a （一） sub-heading in the Heading 2 style (楷体), and only the lead phrase of a paragraph that starts with one', async () => {
    const sections = base.sections.map((s) =>
      s.no === 1 ? { ...s, paragraphs: ['（一）加强组织领导', '（二）推进平台建设。依托门户网站发布信息120条。'] } : s,
    );
    const xml = await documentXml({ ...base, sections });
    expect(paragraphXml(xml, '加强组织领导')).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    const mixed = paragraphXml(xml, '推进平台建设');
    expect(mixed).not.toMatch(/<w:pStyle/);
    expect(mixed).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*?<w:t[^>]*>（二）推进平台建设。<\/w:t>/);
    expect(mixed).toMatch(/<w:t[^>]*>依托门户网站发布信息120条。<\/w:t>/);
  });
});

describe('table captions printed as paragraphs', () => {
  it('leaves them out, since the regenerated table prints its captions itself, and keeps the text around them', async () => {
    const base = await readFixture({ version: '2021', values: consistentValues('2021', 53) }, 'mammoth');
    const text = [
      '主动公开工作稳步推进。',
      '（一）第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（一）项规定的规章已全部公开。',
    ];
    const sections = base.sections.map((s) => (s.no === 2 ? { ...s, paragraphs: text } : s));
    const back = await readReport(await reportToDocx({ ...base, sections }), 'x.docx', 'mammoth');
    expect(back.sections[1].paragraphs).toEqual([text[0], text[3]]);
    expect(fieldDiff(back.fields, base.fields)).toEqual([]);
  });
});
