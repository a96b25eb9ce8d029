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
    const main = sheet(wb, S.summary);
    const keys = new Map<string, number>();
    main.getRow(4).eachCell((c, n) => keys.set(String(c.value), n));
    const files = [5, 6, 7, 8, 9].map((r) => plain(main.getCell(r, keys.get('source.file')!)));
    // In the order given: the folder's files in path order, then the missing path.
    expect(files).toEqual([path.join(input, 'a-2020.docx'), path.join(input, 'b-2021.docx'), path.join(input, 'd-broken.docx'), path.join(input, '区县', 'c-2022.docx'), missing]);
    expect(plain(main.getCell(6, keys.get('meta.agency')!))).toBe('某某市水利局');
    expect(plain(main.getCell(6, keys.get('t3.total.total')!))).toBe(consistentValues('2021', 2)['t3.total.total']);
    // A 2021 report leaves the 2019-only columns empty.
    expect(plain(main.getCell(6, keys.get('t2.procurement.amount')!))).toBeNull();
    expect(plain(main.getCell(5, keys.get('t2.procurement.amount')!))).toBe(consistentValues('2019', 1)['t2.procurement.amount']);
    expect(plain(main.getCell(10, keys.get('source.file')!))).toBe(xlsxStyle().summary.totalsLabel);

    expect(listRows(sheet(wb, S.failed)).map((f) => f['文件'])).toEqual([path.join(input, 'd-broken.docx'), missing]);
    const cross = listRows(sheet(wb, S.crossYear)).filter((row) => row['规则'] === 'CROSS_YEAR_CARRY');
    const t3Columns = getFormat('2021').tables.find((t) => t.spec.id === 't3')!.leafColumns.length;
    expect(cross.length).toBe(t3Columns);
    expect(cross[0]).toMatchObject({ 发布机关: '某某市水利局', 上年年度: 2020, 本年年度: 2021 });
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
