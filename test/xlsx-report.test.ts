/**
 * The per-report workbook, read back with exceljs: the official tables drawn exactly as the format
 * description lays them out (labels, merges, values), findings highlighted with notes, and the
 * 概况 / 问题 / 数据 sheets complete. Reports are real DOCX files read by the real pipeline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { partLayout } from '../src/formats/layout';
import { getFormat } from '../src/formats/model';
import { writeReportXlsx } from '../src/export/xlsx';
import { PART_TOP, partSheetName } from '../src/export/xlsx/report-workbook';
import { xlsxStyle } from '../src/export/xlsx/style';
import type { Finding, Report } from '../src/report/types';
import { runCli, tempDir } from './helpers/cli';
import { p } from './helpers/docx-fixture';
import { readFixture, readReport } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';
import { listRows, merges, officeSuite, plain, quirkyValues, range, readWorkbook, sheet, sheetsAsCsv } from './helpers/xlsx';

const dir = tempDir('nianbao-xlsx-report-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function roundTrip(report: Report, name = 'report.xlsx'): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await writeReportXlsx(report, file);
  return readWorkbook(file);
}

/** What a value cell must show: the number read, else the printed text, else nothing. */
function expectedValue(report: Report, key: string): unknown {
  const v = report.fields[key];
  if (typeof v === 'number') return v;
  const raw = report.cells[key]?.raw ?? '';
  return raw === '' ? null : raw;
}

const finding = (rule: string, severity: Finding['severity'], message: string, fields: string[]): Finding => ({
  rule,
  severity,
  message,
  fields,
});

describe('per-report workbook', () => {
  for (const [version, seed] of [
    ['2019', 11],
    ['2021', 12],
    ['2021', 13],
  ] as const) {
    it(`draws every official table of a ${version}-format report as the format lays it out (seed ${seed})`, async () => {
      const report = await readFixture({ version, year: version === '2019' ? 2020 : 2022, values: quirkyValues(version, seed) });
      const format = getFormat(version);
      const wb = await roundTrip(report, `layout-${version}-${seed}.xlsx`);
      for (const part of format.spec.parts) {
        const layout = partLayout(format, part.id);
        const ws = sheet(wb, partSheetName(part));
        const expectedMerges = layout.cells
          .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
          .map((c) => range(PART_TOP + c.row, c.col + 1, c.rowSpan, c.colSpan));
        expectedMerges.push(range(1, 1, 1, layout.width), range(2, 1, 1, layout.width));
        expect(merges(ws)).toEqual(expectedMerges.sort());
        for (const c of layout.cells) {
          const cell = ws.getCell(PART_TOP + c.row, c.col + 1);
          if (c.role === 'value')
            expect({ key: c.key, value: plain(cell) }).toEqual({ key: c.key, value: expectedValue(report, c.key!) });
          else expect(plain(cell)).toBe(c.text || null);
          // Every grid cell of the table has its four borders, merged ones included.
          for (let y = 0; y < c.rowSpan; y++)
            for (let x = 0; x < c.colSpan; x++) {
              const b = ws.getCell(PART_TOP + c.row + y, c.col + 1 + x).border;
              expect([b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style]).toEqual([
                'thin',
                'thin',
                'thin',
                'thin',
              ]);
            }
        }
        expect(ws.getCell(1, 1).value).toBe(`${part.no}、${part.title}`);
      }
    });
  }

  it('writes numbers as numbers and placeholders, blanks and text as printed', async () => {
    const values = {
      ...consistentValues('2021', 4),
      't3.received.natural': '/',
      't3.received.commercial': '',
      't3.received.research': '见附件',
      't2.fees.amount': '251000元',
    };
    const report = await readFixture({ version: '2021', values });
    const ws = sheet(await roundTrip(report), partSheetName(getFormat('2021').spec.parts[1]));
    const at = (key: string) => {
      const c = partLayout(getFormat('2021'), 't3').cells.find((x) => x.key === key)!;
      return ws.getCell(PART_TOP + c.row, c.col + 1);
    };
    expect(at('t3.received.natural').value).toBe('/');
    expect(at('t3.received.commercial').value).toBeNull();
    expect(at('t3.received.research').value).toBe('见附件');
    expect(at('t3.received.total').type).toBe(ExcelJS.ValueType.Number);
    const fees = partLayout(getFormat('2021'), 't2').cells.find((x) => x.key === 't2.fees.amount')!;
    const feeCell = sheet(await roundTrip(report), partSheetName(getFormat('2021').spec.parts[0])).getCell(
      PART_TOP + fees.row,
      fees.col + 1,
    );
    // 251000元 is read as 25.1 万元: the number, with two decimals.
    expect(feeCell.value).toBe(25.1);
    expect(feeCell.numFmt).toBe(xlsxStyle().numberFormats.decimal);
  });

  it('highlights the cells a finding concerns and carries its message as a note', async () => {
    const report = await readFixture({ version: '2019', year: 2020 });
    const extra = [
      finding('T3_BALANCE', 'error', '表三“自然人”列：一加二不等于三加四', ['t3.received.natural', 't3.total.natural']),
      finding('BLANK_CELL', 'warning', '表四“行政复议/结果维持”列为空白', ['t4.review.upheld']),
      finding('TITLE', 'warning', '标题不规范', ['meta.title']),
      finding('SECTION_MISSING', 'error', '缺少章节“六、其他需要报告的事项”', []),
      // Real reports leave whole columns blank: one finding naming a hundred cells.
      finding(
        'BLANK_CELL',
        'warning',
        '表三有大量空白单元格',
        getFormat('2019')
          .fields.filter((f) => f.part === 't3')
          .map((f) => f.key),
      ),
    ];
    const checked = { ...report, issues: [...extra, ...report.issues] };
    const wb = await roundTrip(checked, 'findings.xlsx');
    const format = getFormat('2019');
    const { severity } = xlsxStyle();
    for (const f of checked.issues) {
      for (const key of f.fields.filter((k) => !k.startsWith('meta.'))) {
        const part = format.spec.parts.find((p) => key.startsWith(`${p.id}.`))!;
        const c = partLayout(format, part.id).cells.find((x) => x.key === key)!;
        const cell = sheet(wb, partSheetName(part)).getCell(PART_TOP + c.row, c.col + 1);
        expect(
          String(cell.note && typeof cell.note === 'object' ? cell.note.texts?.map((t) => t.text).join('') : cell.note),
        ).toContain(f.message);
        const fill = cell.fill as ExcelJS.FillPattern;
        expect([severity.error.fill, severity.warning.fill, severity.info.fill]).toContain(fill.fgColor?.argb);
      }
    }
    const natural = partLayout(format, 't3').cells.find((x) => x.key === 't3.received.natural')!;
    const cell = sheet(wb, partSheetName(format.spec.parts[1])).getCell(PART_TOP + natural.row, natural.col + 1);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(severity.error.fill);
    // A cell nobody complains about stays plain.
    const quiet = partLayout(format, 't4').cells.find((x) => x.key === 't4.review.total')!;
    const quietFill = sheet(wb, partSheetName(format.spec.parts[2])).getCell(PART_TOP + quiet.row, quiet.col + 1).fill as
      ExcelJS.FillPattern | undefined;
    expect(quietFill?.pattern ?? 'none').toBe('none');

    const issues = listRows(sheet(wb, xlsxStyle().sheets.issues));
    expect(issues.map((r) => [r['规则'], r['说明'], r['字段键'] ?? ''])).toEqual(
      checked.issues.map((f) => [f.rule, f.message, f.fields.join(', ') || '']),
    );
    expect(issues[0]['严重程度']).toBe('错误');
    expect(issues[0]['涉及单元格']).toBe(
      `${format.byKey.get('t3.received.natural')!.where}；${format.byKey.get('t3.total.natural')!.where}`,
    );

    // No row is taller than Excel allows (409 pt), however long the text it holds.
    wb.eachSheet((ws) => ws.eachRow((row, n) => expect([ws.name, n, (row.height ?? 0) <= 409]).toEqual([ws.name, n, true])));

    const overview = listRows(sheet(wb, xlsxStyle().sheets.overview));
    const titleRow = overview.find((r) => r['字段键'] === 'meta.title')!;
    expect(titleRow['内容']).toBe(report.meta.title);
    const titleCell = sheet(wb, xlsxStyle().sheets.overview).getCell(overview.indexOf(titleRow) + 2, 2);
    expect(String(titleCell.note)).toContain('标题不规范');
  });

  it('says how many cells of a missing table a finding concerns on 问题, in a row that prints whole', async () => {
    // Table 三 pasted as a picture: TABLE_MISSING concerns all 175 of its cells.
    const report = await readFixture({ version: '2021', tables: { t3: () => [p('', { picture: true })] } });
    const missing = report.issues.find((f) => f.rule === 'TABLE_MISSING')!;
    expect(missing.fields).toHaveLength(175);
    const wb = await roundTrip(report, 'missing-t3.xlsx');
    const ws = sheet(wb, xlsxStyle().sheets.issues);
    const rows = listRows(ws);
    const n = rows.findIndex((r) => r['规则'] === 'TABLE_MISSING');
    expect(rows[n]['涉及单元格']).toBe('表三共 175 个单元格');
    // The keys stay for programs, in a hidden column that neither prints nor makes the row tall.
    expect(rows[n]['字段键']).toBe(missing.fields.join(', '));
    const keyColumn = (ws.getRow(1).values as unknown[]).indexOf('字段键');
    expect(ws.getColumn(keyColumn).hidden).toBe(true);
    expect(ws.getRow(n + 2).height ?? 0).toBeLessThan(40);
  });

  it('lists every field of the format on 数据 with value, raw text and source cell', async () => {
    const report = await readFixture({ version: '2021', values: quirkyValues('2021', 21) });
    const rows = listRows(sheet(await roundTrip(report, 'data.xlsx'), xlsxStyle().sheets.data));
    const format = getFormat('2021');
    expect(rows.map((r) => r['字段键'])).toEqual(format.fields.map((f) => f.key));
    for (const r of rows) {
      const key = String(r['字段键']);
      const cell = report.cells[key];
      expect([key, r['值']]).toEqual([key, report.fields[key] ?? null]);
      if (!cell) continue;
      expect([key, r['原文'] ?? '']).toEqual([key, cell.raw]);
      expect([key, r['读取状态']]).toEqual([key, xlsxStyle().status[cell.status]]);
      if (cell.source)
        expect([r['来源：第几个表格'], r['来源：第几行'], r['来源：第几列']]).toEqual([
          cell.source.table + 1,
          cell.source.row + 1,
          cell.source.col + 1,
        ]);
    }
    expect(rows.find((r) => r['字段键'] === 't3.received.natural')!['行']).toBe(
      format.byKey.get('t3.received.natural')!.rowLabel,
    );
  });

  it('shows meta, format and finding counts on 概况', async () => {
    const report = await readReport(
      fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx')),
      'xinzhou-jkq-2020.docx',
    );
    const rows = listRows(sheet(await roundTrip(report, 'sample.xlsx'), xlsxStyle().sheets.overview));
    const byKey = new Map(rows.filter((r) => r['字段键']).map((r) => [r['字段键'], r['内容']]));
    expect(byKey.get('meta.agency')).toBe('忻州经济开发区');
    expect(byKey.get('meta.year')).toBe(2020);
    expect(byKey.get('meta.format')).toBe('2019');
    const counts = { 错误数: 0, 警告数: 0, 提示数: 0 } as Record<string, number>;
    for (const f of report.issues) counts[`${xlsxStyle().severity[f.severity].label}数`]++;
    for (const [label, n] of Object.entries(counts))
      expect([label, rows.find((r) => r['项目'] === label)?.['内容']]).toEqual([label, n]);
    expect(rows.find((r) => r['项目'] === '格式依据')?.['内容']).toBe(getFormat('2019').spec.notice);
  });

  it('prints each official table on A4, landscape when it is wide', async () => {
    const wb = await roundTrip(await readFixture({ version: '2021' }), 'print.xlsx');
    const [t2, t3, t4] = getFormat('2021').spec.parts.map((p) => sheet(wb, partSheetName(p)).pageSetup);
    for (const setup of [t2, t3, t4])
      expect(setup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(t2.orientation).toBe('portrait');
    expect(t3.orientation).toBe('landscape');
    expect(t4.orientation).toBe('landscape');
  });

  it('never turns text starting with = + - @ into a formula, and drops characters XML forbids', async () => {
    const values = {
      ...consistentValues('2021', 5),
      't3.received.natural': '=1+1',
      't3.received.commercial': '@SUM(A1:A9)',
      't3.received.research': '+cmd|x',
      't3.received.nonprofit': '-abc',
    };
    const read = await readFixture({ version: '2021', agency: '=HYPERLINK("点击")局', values });
    // A control character in a cell (possible in HTML input) would make the whole file unreadable.
    const report: Report = {
      ...read,
      cells: {
        ...read.cells,
        't3.received.legal': { ...read.cells['t3.received.legal'], raw: 'a\u0001b\u0008c', status: 'text' },
      },
      fields: { ...read.fields, 't3.received.legal': null },
    };
    const wb = await roundTrip(report, 'formula.xlsx');
    const ws = sheet(wb, partSheetName(getFormat('2021').spec.parts[1]));
    const at = (key: string) => {
      const c = partLayout(getFormat('2021'), 't3').cells.find((x) => x.key === key)!;
      return ws.getCell(PART_TOP + c.row, c.col + 1);
    };
    for (const [key, text] of [
      ['t3.received.natural', '=1+1'],
      ['t3.received.commercial', '@SUM(A1:A9)'],
      ['t3.received.research', '+cmd|x'],
      ['t3.received.nonprofit', '-abc'],
    ]) {
      expect([key, at(key).type, at(key).value]).toEqual([key, ExcelJS.ValueType.String, text]);
    }
    expect(at('t3.received.legal').value).toBe('abc');
    const agency = listRows(sheet(wb, xlsxStyle().sheets.overview)).find((r) => r['字段键'] === 'meta.agency')!;
    expect(agency['内容']).toBe('=HYPERLINK("点击")局');
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it('is what `convert --to xlsx` writes', () => {
    const out = path.join(dir, 'cli');
    const r = runCli(['convert', path.join(__dirname, '../samples/xinzhou-jkq-2020.docx'), '--to', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'xinzhou-jkq-2020.xlsx'))).toBe(true);
  });

  const office = officeSuite();
  const withOffice = 'soffice' in office ? it : it.skip;
  if (!('soffice' in office)) console.warn(`skipping the LibreOffice test of the per-report workbook: ${office.missing}`);
  withOffice('opens in LibreOffice: every sheet converts to CSV with the values we wrote', async () => {
    const report = await readReport(
      fs.readFileSync(path.join(__dirname, '../samples/xinzhou-jkq-2020.docx')),
      'xinzhou-jkq-2020.docx',
    );
    const file = path.join(dir, 'office-report.xlsx');
    await writeReportXlsx(report, file);
    const { status, stderr, csv } = sheetsAsCsv((office as { soffice: string }).soffice, file, path.join(dir, 'office-report'));
    expect({ status, stderr: stderr.includes('Error') ? stderr : '' }).toEqual({ status: 0, stderr: '' });
    const wb = await readWorkbook(file);
    expect([...csv.keys()].sort()).toEqual(wb.worksheets.map((w) => w.name).sort());
    const t2 = csv.get(partSheetName(getFormat('2019').spec.parts[0]))!;
    expect(t2).toContain('其他对外管理服务事项,34,-12,47');
    expect(t2).toContain('政府集中采购,21,424.47');
  });
});
