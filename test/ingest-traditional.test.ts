/**
 * A report in traditional characters, as portals serve their 繁體 pages (蓬江區…政府信息公開工作年度報告,
 * 一、總體情況, 本年新製作數量): converted by machine from the simplified report, here with OpenCC as the
 * portals do, character by character (Hong Kong) or with Taiwan's words too (政府資訊公開, 行政規範性檔案).
 * It reads as the simplified report does, fields, title and sections alike, with a note saying so,
 * the real published reports of ../shared/real too; a simplified report that quotes a few
 * traditional names is left as it is.
 */
import * as fs from 'node:fs';
import * as OpenCC from 'opencc-js';
import type { Report } from '../src/report/types';
import { isTraditional } from '../src/text/traditional';
import { buildDocx, p, type FxBlock } from './helpers/docx-fixture';
import { fieldDiff, readReport } from './helpers/pipeline';
import { realReports } from './helpers/real-reports';
import { consistentValues } from './helpers/report-fixture';
import { blocksToHtml, partTable, structureOf, structuredBlocks } from './helpers/structure';

const SECTIONS: FxBlock[][] = [
  [p('一、总体情况'), p('（一）主动公开情况'), p('本年度通过门户网站发布政务动态信息133条，政策解读12条。')],
  [p('二、主动公开政府信息情况'), partTable('2021', 't2')],
  [p('三、收到和处理政府信息公开申请情况'), partTable('2021', 't3')],
  [p('四、政府信息公开行政复议、行政诉讼情况'), partTable('2021', 't4')],
  [p('五、存在的主要问题及改进情况'), p('政策解读形式还不够丰富，下一步将加强业务培训，提升公开质量。')],
  [p('六、其他需要报告的事项'), p('本年度未收取信息处理费，无其他需要报告的事项。')],
];
const BLOCKS = structuredBlocks(2024, SECTIONS);
/** The same blocks with every text in traditional characters (the JSON's keys are ASCII). */
const traditional = (to: 'hk' | 'twp'): FxBlock[] => JSON.parse(OpenCC.Converter({ from: 'cn', to })(JSON.stringify(BLOCKS)));
const HK = traditional('hk');
const TWP = traditional('twp');
const VALUES = consistentValues('2021', 3);

const notes = (r: Report) => r.issues.filter((f) => f.rule === 'TRADITIONAL_CHINESE').map((f) => f.message);
/** The note a text converted the `to` way must get. */
const noteFor = (to: 'hk' | 'twp') =>
  `原文为繁体中文（${to === 'hk' ? '逐字转换的繁体' : '连词语换成台湾用语的繁体'}），已用 OpenCC 转回简体后读取；原文件未改动`;

describe('a report in traditional characters', () => {
  it('is told from a simplified one by the characters only traditional writing uses', () => {
    expect(HK[0]).toMatchObject({ text: '某某縣人民政府2024年政府信息公開工作年度報告' });
    expect(TWP[0]).toMatchObject({ text: '某某縣人民政府2024年政府資訊公開工作年度報告' });
    expect(isTraditional(JSON.stringify(HK))).toBe(true);
    expect(isTraditional(JSON.stringify(TWP))).toBe(true);
    expect(isTraditional(JSON.stringify(BLOCKS))).toBe(false);
  });

  const html = async (blocks: FxBlock[]) => readReport(Buffer.from(blocksToHtml(blocks), 'utf8'), 'report.html');
  const docx = async (blocks: FxBlock[]) => readReport(await buildDocx(blocks), 'report.docx');
  it.each([
    ['a web page converted character by character', html, HK],
    ['a web page converted with Taiwan words', html, TWP],
    ['a DOCX converted character by character', docx, HK],
    ['a DOCX converted with Taiwan words', docx, TWP],
  ])('as %s reads as its simplified original: fields, title, sections, with a note', async (_kind, read, blocks) => {
    const simplified = await read(BLOCKS);
    const traditional = await read(blocks);
    expect(fieldDiff(traditional.fields, simplified.fields)).toEqual([]);
    expect(fieldDiff(traditional.fields, VALUES)).toEqual([]);
    expect(traditional.meta).toEqual(simplified.meta);
    expect(traditional.meta.title).toBe('某某县人民政府2024年政府信息公开工作年度报告');
    expect(structureOf(traditional)).toEqual(structureOf(simplified));
    expect(traditional.issues.filter((f) => f.rule.startsWith('SECTION_'))).toEqual([]);
    expect(notes(traditional)).toEqual([noteFor(blocks === HK ? 'hk' : 'twp')]);
    expect(notes(simplified)).toEqual([]);
  });

  it('leaves a simplified report that quotes traditional names as it is, with no note', async () => {
    const quoting = structuredBlocks(2024, [
      [...SECTIONS[0], p('本年度接待香港特別行政區、澳門特別行政區及臺灣地區來訪團組3批次，相關資訊已在門戶網站公開。')],
      ...SECTIONS.slice(1),
    ]);
    const r = await readReport(Buffer.from(blocksToHtml(quoting), 'utf8'), 'report.html');
    expect(notes(r)).toEqual([]);
    expect(r.sections[0].paragraphs).toContain(
      '本年度接待香港特別行政區、澳門特別行政區及臺灣地區來訪團組3批次，相關資訊已在門戶網站公開。',
    );
  });
});

const REALS = realReports('ingest-traditional');
if (!REALS) describe.skip('the real reports (../shared/real missing)', () => it('cannot be read', () => undefined));
else
  describe('the real published reports, converted to traditional characters', () => {
    it.each(REALS.flatMap((r) => (['hk', 'twp'] as const).map((to) => [r.stem, to, r] as const)))(
      '%s converted the %s way reads with every field, the meta and the sections of its simplified page',
      async (_stem, to, real) => {
        const html = fs.readFileSync(real.htmlPath, 'utf8');
        const simplified = await readReport(Buffer.from(html, 'utf8'), 'report.html');
        const converted = await readReport(Buffer.from(OpenCC.Converter({ from: 'cn', to })(html), 'utf8'), 'report.html');
        expect(fieldDiff(converted.fields, simplified.fields)).toEqual([]);
        const truth = Object.fromEntries(
          Object.entries(real.truth.fields).filter(([k]) => !real.truth.ignore_fields.includes(k)),
        );
        expect(fieldDiff(converted.fields, truth)).toEqual([]);
        expect(converted.meta).toEqual(simplified.meta);
        expect(converted.sections.map((s) => s.heading)).toEqual(simplified.sections.map((s) => s.heading));
        expect(notes(converted)).toEqual([noteFor(to)]);
      },
    );
  });
