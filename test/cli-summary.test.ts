/**
 * `nianbao summary` as a clerk runs it: a folder of reports (one of them broken, one missing path)
 * in, one workbook out, with every report's row, the broken file listed, the cross-year pair
 * checked, and an exit code that says some files could not be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat } from '../src/formats/model';
import { xlsxStyle } from '../src/export/xlsx/style';
import { runCli, tempDir } from './helpers/cli';
import { buildDocx } from './helpers/docx-fixture';
import { consistentValues, reportBlocks } from './helpers/report-fixture';
import { listRows, plain, readWorkbook, sheet } from './helpers/xlsx';

const S = xlsxStyle().sheets;
const dir = tempDir('nianbao-cli-summary-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeReport(file: string, version: '2019' | '2021', agency: string, year: number, seed: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await buildDocx(reportBlocks({ version, agency, year, values: consistentValues(version, seed) })));
}

describe('nianbao summary', () => {
  const input = path.join(dir, '报告');
  const out = path.join(dir, '输出', '汇总.xlsx');

  beforeAll(async () => {
    await writeReport(path.join(input, 'a-2020.docx'), '2019', '某某市水利局', 2020, 1);
    await writeReport(path.join(input, 'b-2021.docx'), '2021', '某某市水利局', 2021, 2);
    await writeReport(path.join(input, '区县', 'c-2022.docx'), '2021', '某某区财政局', 2022, 3);
    fs.writeFileSync(path.join(input, 'd-broken.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
  });

  it('writes one workbook for a folder, lists what it could not read and exits with 2', async () => {
    const missing = path.join(dir, '不存在.docx');
    const r = runCli(['summary', input, missing, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`汇总表：${out}`);
    expect(r.stderr).toContain('d-broken.docx');
    expect(r.stderr).toContain('不存在.docx');
    const wb = await readWorkbook(out);
    // In the order given: the folder's files in path order, then the missing path; names without their folders.
    const status = listRows(sheet(wb, S.status), 3);
    expect(status.map((row) => [row['文件'], row['状态']])).toEqual([
      ['a-2020.docx', '已报送'],
      ['b-2021.docx', '已报送'],
      ['d-broken.docx', '无法读取'],
      ['c-2022.docx', '已报送'],
      ['不存在.docx', '无法读取'],
    ]);
    const detail = sheet(wb, `${S.detail} 2021版`);
    const keys = new Map<string, number>();
    detail.getRow(6).eachCell((c, n) => keys.set(String(c.value), n));
    expect(plain(detail.getCell(7, keys.get('meta.agency')!))).toBe('某某市水利局');
    expect(plain(detail.getCell(7, keys.get('t3.total.total')!))).toBe(consistentValues('2021', 2)['t3.total.total']);
    // 2019-only columns are on the 2019 sheet alone.
    expect(keys.has('t2.procurement.amount')).toBe(false);
    const detail2019 = sheet(wb, `${S.detail} 2019版`);
    const keys2019 = new Map<string, number>();
    detail2019.getRow(6).eachCell((c, n) => keys2019.set(String(c.value), n));
    expect(plain(detail2019.getCell(7, keys2019.get('t2.procurement.amount')!))).toBe(
      consistentValues('2019', 1)['t2.procurement.amount'],
    );

    expect(listRows(sheet(wb, S.failed), 3).map((f) => f['文件'])).toEqual(['d-broken.docx', '不存在.docx']);
    const cross = listRows(sheet(wb, S.crossYear), 3).filter((row) => row['规则'] === 'CROSS_YEAR_CARRY');
    const t3Columns = getFormat('2021').tables.find((t) => t.spec.id === 't3')!.leafColumns.length;
    expect(cross.length).toBe(t3Columns);
    expect(cross[0]).toMatchObject({ 发布机关: '某某市水利局', 上年年度: 2020, 本年年度: 2021 });
  });

  it('takes a roster, a title and a compiler, and lists the bodies that sent nothing', async () => {
    const rosterFile = path.join(dir, '名单.csv');
    fs.writeFileSync(rosterFile, '单位名称,类别\n某某区财政局,区直部门\n某某区教育局,区直部门\n');
    const target = path.join(dir, '名单汇总.xlsx');
    const r = runCli([
      'summary',
      path.join(input, '区县'),
      '--roster',
      rosterFile,
      '-o',
      target,
      '--title',
      '某某区2022年度政府信息公开工作年度报告汇总表',
      '--compiler',
      '某某区政务公开办',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('名单中未报送 1 个单位');
    const wb = await readWorkbook(target);
    const ws = sheet(wb, S.status);
    expect(plain(ws.getCell(1, 1))).toBe('某某区2022年度政府信息公开工作年度报告汇总表（报送情况）');
    expect(String(plain(ws.getCell(2, 1)))).toMatch(/^编制单位：某某区政务公开办/);
    expect(listRows(ws, 3).map((row) => [row['单位'], row['状态']])).toEqual([
      ['某某区财政局', '已报送'],
      ['某某区教育局', '未报送'],
    ]);
  });

  it('stops at once with a clear message naming a roster it cannot use', () => {
    const bad = path.join(dir, '坏名单.csv');
    fs.writeFileSync(bad, '名称错了\n甲\n');
    const r = runCli(['summary', input, '--roster', bad, '-o', path.join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('名单“');
    expect(r.stderr).toContain('坏名单.csv');
    expect(r.stderr).toContain('no column 单位名称');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('reads with the mammoth reader when asked, and refuses an output that is not .xlsx', () => {
    const other = path.join(dir, 'mammoth.xlsx');
    const r = runCli(['summary', path.join(input, 'a-2020.docx'), '-o', other, '--reader', 'mammoth']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(other)).toBe(true);
    const bad = runCli(['summary', input, '-o', path.join(dir, '汇总.csv')]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('.xlsx');
  });
});
