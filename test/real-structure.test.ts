/**
 * The section structure of the real published reports of ../shared/real, read as the web page and
 * as the DOCX LibreOffice makes of it: the six sections under their printed headings, the
 * sub-headings of 一 as printed, each official table in its section, the same structure from both,
 * no section finding the truth forbids, and the same structure again from the regenerated DOCX.
 * Skipped where ../shared is missing.
 */
import * as fs from 'node:fs';
import { reportToDocx } from '../src/export/docx';
import type { Report } from '../src/report/types';
import { readReport } from './helpers/pipeline';
import { realDocx, realReports } from './helpers/real-reports';
import { structureOf } from './helpers/structure';

const REPORTS = realReports('real-structure');
const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** The sub-headings of 一 as the pages print them (read off the pages). */
const OVERVIEW_HEADINGS: Record<string, readonly string[]> = {
  'pingtan-2019': [
    'H2 （一）基本情况',
    'H2 （二）主要做法',
    'H3 1.加强组织领导，健全工作机制',
    'H3 2.把握工作重点，扎实推进信息公开',
    'H3 3.创新公开形式，拓展公开范围',
  ],
  'pingtan-2023': [
    'H2 （一）主动公开方面',
    'H2 （二）依申请公开方面',
    'H2 （三）政府信息管理方面',
    'H2 （四）信息公开平台建设方面',
    'H2 （五）监督保障方面',
  ],
};

function sectionLines(r: Report, no: number): string[] {
  const all = structureOf(r);
  const from = all.findIndex((l) => l.startsWith(`S${no} `));
  const to = all.findIndex((l, i) => i > from && /^S\d /.test(l));
  return all.slice(from + 1, to < 0 ? undefined : to);
}

if (!REPORTS) describe.skip('the real reports (../shared/real missing)', () => it('cannot be read', () => undefined));
else
  describe.each(REPORTS)('the real report $stem', (real) => {
    let html: Report;
    let docx: Report | null = null;

    beforeAll(async () => {
      html = await readReport(fs.readFileSync(real.htmlPath), `${real.stem}.html`);
      const docxPath = realDocx(real);
      if (docxPath) docx = await readReport(fs.readFileSync(docxPath), `${real.stem}.docx`);
      else console.warn(`real-structure: LibreOffice not found — ${real.stem} read as HTML only`);
    }, 120_000);

    it('has the six sections under their printed headings', () => {
      expect(html.sections.map((s) => s.heading)).toEqual(HEADINGS);
    });

    it('keeps the sub-headings of 一 in 一, in order', () => {
      expect(sectionLines(html, 1).filter((l) => l.startsWith('H'))).toEqual(OVERVIEW_HEADINGS[real.stem]);
    });

    it('anchors 表二, 表三 and 表四 in sections 二, 三 and 四', () => {
      expect([2, 3, 4].map((no) => sectionLines(html, no).filter((l) => l.startsWith('T')))).toEqual([
        ['T t2'],
        ['T t3'],
        ['T t4'],
      ]);
    });

    it('gives no section finding the truth forbids', () => {
      const forbidden = html.issues.filter((f) => f.rule.startsWith('SECTION_') && real.truth.forbid_rules.includes(f.rule));
      expect(forbidden.map((f) => f.message)).toEqual([]);
    });

    it('keeps every paragraph, sub-heading and table in its section, in order, in the regenerated DOCX', async () => {
      const back = await readReport(await reportToDocx(html), `${real.stem}-regenerated.docx`);
      expect(structureOf(back)).toEqual(structureOf(html));
    });

    it('gives the same structure and section findings from the DOCX LibreOffice makes of the page', () => {
      if (!docx) return;
      expect(structureOf(docx)).toEqual(structureOf(html));
      const sectionFindings = (r: Report) => r.issues.filter((f) => f.rule.startsWith('SECTION_')).map((f) => f.message);
      expect(sectionFindings(docx)).toEqual(sectionFindings(html));
    });
  });
