/**
 * `nianbao template`: next year's report started for the author — a compliant blank DOCX with
 * agency, year and title filled, prompts under the headings, and, from last year's report, the
 * carries of the format description (上年结转 ← 结转下年度, 现行有效件数 as the starting point).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getFormat } from '../src/formats/model';
import { buildDocx } from './helpers/docx-fixture';
import { runCli, tempDir } from './helpers/cli';
import { readReport } from './helpers/pipeline';
import { consistentValues, reportBlocks } from './helpers/report-fixture';

const FORMAT = getFormat('2021');
const t3Columns = FORMAT.tables.find((t) => t.spec.id === 't3')!.leafColumns.map((c) => c.ids.join('.'));

async function lastYearFile(
  version: '2019' | '2021',
  year: number,
  seed: number,
): Promise<{ file: string; values: Record<string, unknown> }> {
  const values = consistentValues(version, seed);
  const file = path.join(tempDir(), `上年报告-${year}.docx`);
  fs.writeFileSync(file, await buildDocx(reportBlocks({ version, year, agency: '某某市生态环境局', values })));
  return { file, values };
}

function templateIn(out: string): string {
  const files = fs.readdirSync(out);
  expect(files).toEqual(['某某市生态环境局2022年政府信息公开工作年度报告.docx']);
  return path.join(out, files[0]);
}

describe('nianbao template', () => {
  it('writes a blank 2021-format report with agency, year and title filled and a prompt under every heading', async () => {
    const out = tempDir();
    const r = runCli(['template', '--agency', '某某市生态环境局', '--year', '2022', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(templateIn(out));
    const report = await readReport(bytes, 'template.docx');
    // The signature's date line is left blank (年 月 日) for the author: a signature without a date.
    expect(report.meta).toMatchObject({
      title: '某某市生态环境局2022年政府信息公开工作年度报告',
      agency: '某某市生态环境局',
      issuer: '某某市生态环境局',
      year: 2022,
      format: '2021',
      publishDate: null,
    });
    expect(report.sections.map((s) => s.heading)).toEqual(FORMAT.spec.sections.map((s) => s.heading));
    FORMAT.spec.sections.forEach((spec, i) => expect(report.sections[i].paragraphs[0]).toBe(`〔${spec.prompt}〕`));
    expect(report.tables.map((t) => t.spec).sort()).toEqual(FORMAT.tables.map((t) => t.spec.id).sort());
    const tableKeys = FORMAT.fields.filter((f) => f.part !== 'meta').map((f) => f.key);
    expect(tableKeys.filter((k) => report.fields[k] !== null)).toEqual([]);
    // Sent in unfilled, 五 and 六 hold nothing but their prompts: that is an empty section.
    expect(report.issues.filter((f) => f.rule === 'SECTION_EMPTY').map((f) => f.message)).toEqual([
      `“${FORMAT.spec.sections[4].heading}”只有模板中的提示语，尚未填写`,
      `“${FORMAT.spec.sections[5].heading}”只有模板中的提示语，尚未填写`,
    ]);
    // Prompts look like prompts: grey italic runs.
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
    const promptRun = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>〔${FORMAT.spec.sections[0].prompt.slice(0, 10)}`).exec(xml)![0];
    expect(promptRun).toMatch(/<w:i\/>|<w:i w:val="true"\/>/);
    expect(promptRun).toMatch(/<w:color w:val="7F7F7F"\/>/);
  });

  it("pre-fills 上年结转 per column from last year's 结转下年度 and starts 现行有效件数 from last year's", async () => {
    const last = await lastYearFile('2021', 2021, 17);
    const out = tempDir();
    const r = runCli(['template', '--agency', '某某市生态环境局', '--year', '2022', '--from', last.file, '--out', out]);
    expect(r.code).toBe(0);
    const report = await readReport(fs.readFileSync(templateIn(out)), 'template.docx');
    for (const c of t3Columns) expect(report.fields[`t3.carriedOver.${c}`]).toBe(last.values[`t3.carriedForward.${c}`]);
    for (const row of ['rules', 'normative']) expect(report.fields[`t2.${row}.inForce`]).toBe(last.values[`t2.${row}.inForce`]);
    expect(report.fields['t3.received.natural']).toBeNull();
    expect(report.fields['t2.rules.issued']).toBeNull();
    expect(r.stdout).toContain(
      `预填 表三“二、上年结转政府信息公开申请数量”行“自然人”列：${last.values['t3.carriedForward.natural']}`,
    );
  });

  it('carries 上年结转 from a 2019-format report and says why 现行有效件数 is left for the author', async () => {
    const last = await lastYearFile('2019', 2021, 18);
    const out = tempDir();
    const r = runCli(['template', '--agency', '某某市生态环境局', '--year', '2022', '--from', last.file, '--out', out]);
    expect(r.code).toBe(0);
    const report = await readReport(fs.readFileSync(templateIn(out)), 'template.docx');
    for (const c of t3Columns) expect(report.fields[`t3.carriedOver.${c}`]).toBe(last.values[`t3.carriedForward.${c}`]);
    expect(report.fields['t2.rules.inForce']).toBeNull();
    expect(r.stdout).toMatch(/未预填 表二“第二十条第（一）项”“规章”行“现行有效件数”列：上年报告为2019年格式/);
  });

  it("with --from alone, takes the body's name from last year's report and writes the year after it", async () => {
    const last = await lastYearFile('2021', 2021, 23);
    const out = tempDir();
    const r = runCli(['template', '--from', last.file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ 某某市生态环境局2022年政府信息公开工作年度报告（2021年格式）→ ${templateIn(out)}`);
  });

  it("warns when last year's report is not for the year before", async () => {
    const last = await lastYearFile('2021', 2019, 19);
    const r = runCli(['template', '--agency', '某某市生态环境局', '--year', '2022', '--from', last.file, '--out', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('上年度报告的年度为 2019，不是 2021');
  });

  it('names a broken --from file in Chinese and English and writes nothing', () => {
    const broken = path.join(tempDir(), '坏文件.docx');
    fs.writeFileSync(broken, 'not a zip');
    const out = tempDir();
    const r = runCli(['template', '--agency', '某某市生态环境局', '--year', '2022', '--from', broken, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('坏文件.docx');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff][\s\S]*[A-Za-z]{4,}/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it.each([
    [['--year', '2022'], '--agency'],
    [['--agency', '某某局', '--year', '22'], '--year'],
    [['--agency', '某某局'], '--year'],
  ])('explains its usage for %j', (args, mentioned) => {
    const r = runCli(['template', ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(mentioned);
  });
});
