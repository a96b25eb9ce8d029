/**
 * Next year's template keeps last year's structure: the sub-headings the author wrote under each
 * section come back under the same section, after the prompt, without last year's text.
 */
import { reportToDocx } from '../src/export/docx';
import { blankReport, carryForward } from '../src/report/next-year';
import { buildDocx, p } from './helpers/docx-fixture';
import { readReport } from './helpers/pipeline';
import { partTable, structureOf, structuredBlocks } from './helpers/structure';

it('writes last year’s sub-headings under their sections in next year’s template, without their text', async () => {
  const lastBlocks = structuredBlocks(2021, [
    [
      p('一、总体情况'),
      p('本年度工作总体平稳。'),
      p('（一）主动公开情况'),
      p('全年主动公开信息1200条。'),
      p('（二）监督保障'),
      p('开展检查两次。'),
    ],
    [p('二、主动公开政府信息情况'), partTable('2021', 't2')],
    [p('三、收到和处理政府信息公开申请情况'), partTable('2021', 't3')],
    [p('四、政府信息公开行政复议、行政诉讼情况'), partTable('2021', 't4')],
    [p('五、存在的主要问题及改进情况'), p('（一）存在问题'), p('公开内容不够全面。'), p('（二）改进措施'), p('加强培训。')],
    [p('六、其他需要报告的事项'), p('无。')],
  ]);
  const last = await readReport(await buildDocx(lastBlocks), 'last.docx');
  const { report } = carryForward(last, blankReport('某某县人民政府', 2022));
  const back = await readReport(await reportToDocx(report, { prompts: true }), 'template.docx');
  expect(structureOf(back).filter((l) => /^[SH]/.test(l))).toEqual([
    'S1 一、总体情况',
    'H2 （一）主动公开情况',
    'H2 （二）监督保障',
    'S2 二、主动公开政府信息情况',
    'S3 三、收到和处理政府信息公开申请情况',
    'S4 四、政府信息公开行政复议、行政诉讼情况',
    'S5 五、存在的主要问题及改进情况',
    'H2 （一）存在问题',
    'H2 （二）改进措施',
    'S6 六、其他需要报告的事项',
  ]);
  expect(back.sections[0].paragraphs.filter((t) => !t.startsWith('〔'))).toEqual(['（一）主动公开情况', '（二）监督保障']);
});
