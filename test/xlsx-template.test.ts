/**
 * `nianbao template --to xlsx`: the blank workbook a superior hands out. A body fills in 概况 and
 * the official tables in Excel, and the filled workbook reads back as that body's report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PART_TOP, partSheetName } from '../src/formats/workbook-layout';
import { partLayout } from '../src/formats/layout';
import { getFormat } from '../src/formats/model';
import { runCli, tempDir } from './helpers/cli';
import { readReport } from './helpers/pipeline';
import { listRows, readWorkbook, sheet } from './helpers/xlsx';

const dir = tempDir('nianbao-xlsx-template-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('nianbao template --to xlsx', () => {
  it('writes a blank workbook without an agency that a body fills in and that reads back as its report', async () => {
    const r = runCli(['template', '--year', '2024', '--to', 'xlsx', '--out', dir]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const file = path.join(dir, '2024年政府信息公开工作年度报告.xlsx');
    const wb = await readWorkbook(file);
    const format = getFormat('2021');
    // The body fills in its name and two cells of 表三, as a clerk would in Excel.
    const overview = sheet(wb, '概况');
    const agencyRow = listRows(overview).findIndex((row) => row['字段键'] === 'meta.agency') + 2;
    overview.getCell(agencyRow, 2).value = '某某县林业局';
    const ws = sheet(wb, partSheetName(format.spec.parts.find((p) => p.id === 't3')!));
    const at = (key: string) => partLayout(format, 't3').cells.find((c) => c.key === key)!;
    ws.getCell(PART_TOP + at('t3.received.natural').row, at('t3.received.natural').col + 1).value = 5;
    ws.getCell(PART_TOP + at('t3.received.total').row, at('t3.received.total').col + 1).value = '5';
    const filled = path.join(dir, '林业局.xlsx');
    await wb.xlsx.writeFile(filled);
    const report = await readReport(fs.readFileSync(filled), '林业局.xlsx');
    expect([report.meta.agency, report.meta.year, report.meta.format]).toEqual(['某某县林业局', 2024, '2021']);
    expect([
      report.fields['t3.received.natural'],
      report.fields['t3.received.total'],
      report.fields['t3.received.commercial'],
    ]).toEqual([5, 5, null]);
    expect(report.cells['t3.received.commercial'].status).toBe('blank');
  });

  it('refuses a --to it cannot write', () => {
    const r = runCli(['template', '--year', '2024', '--to', 'pdf', '--out', dir]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--to 应为 docx、xlsx 之一，而不是“pdf”\n--to must be one of docx, xlsx (got "pdf")');
  });
});
