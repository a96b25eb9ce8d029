/**
 * Excel in: the per-report workbook this project writes is also an input. Eight varied reports of
 * both formats (quirky cells: blanks, placeholders, units, text; two real published reports when
 * ../shared is there) written as workbooks and read back give every field exactly, with the cells'
 * provenance on the sheets; a workbook a clerk saved again in an office suite reads the same; a
 * workbook that is not a report says what it is, naming the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { reportToXlsx } from '../src/export/xlsx';
import { correctionWords, PART_TOP, partSheetName, readCorrectionWords } from '../src/formats/workbook-layout';
import { partLayout } from '../src/formats/layout';
import { getFormat } from '../src/formats/model';
import type { FormatVersion } from '../src/formats/types';
import { blankReport } from '../src/report/next-year';
import type { Report } from '../src/report/types';
import { tempDir } from './helpers/cli';
import { officeConvert } from './helpers/office';
import { readBytes, readFixture, readReport } from './helpers/pipeline';
import { realReports } from './helpers/real-reports';
import { corrected } from './helpers/summary-fixture';
import { listRows, officeSuite, quirkyValues } from './helpers/xlsx';
import { reportToJson } from '../src/export/json';
import { checkReport } from '../src/core/pipeline';
import { xlsxStyle } from '../src/export/xlsx/style';

const dir = tempDir('nianbao-xlsx-input-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every field of the report's format, meta included: what a read-back must give exactly. */
function allFields(report: Report): Record<string, unknown> {
  return Object.fromEntries(getFormat(report.meta.format).fields.map((f) => [f.key, report.fields[f.key] ?? null]));
}

async function varied(): Promise<{ name: string; report: Report }[]> {
  const out: { name: string; report: Report }[] = [];
  const specs: [FormatVersion, number, number][] = [
    ['2019', 2019, 1],
    ['2019', 2020, 2],
    ['2021', 2021, 3],
    ['2021', 2022, 4],
    ['2021', 2023, 5],
    ['2021', 2024, 6],
  ];
  for (const [version, year, seed] of specs) {
    out.push({
      name: `fixture-${version}-${seed}`,
      report: await readFixture({ version, year, agency: `某某县第${seed}局`, values: quirkyValues(version, seed) }),
    });
  }
  for (const real of realReports('xlsx-input') ?? [])
    out.push({ name: real.stem, report: await readReport(fs.readFileSync(real.htmlPath), `${real.stem}.html`) });
  return out;
}

describe('the per-report workbook read back', () => {
  let reports: { name: string; report: Report }[];
  beforeAll(async () => {
    reports = await varied();
  });

  it('gives every field of 8 varied reports of both formats exactly (6 without ../shared)', async () => {
    expect(reports.length).toBe(realReports('xlsx-input') ? 8 : 6);
    expect(new Set(reports.map((r) => r.report.meta.format))).toEqual(new Set(['2019', '2021']));
    for (const { name, report } of reports) {
      const back = await readBytes(await reportToXlsx(report), `${name}.xlsx`);
      if (!back.ok) throw new Error(back.error.message);
      expect({ name, fields: allFields(back.report) }).toEqual({ name, fields: allFields(report) });
      // Nothing was changed in the workbook: no cell comes back as a correction.
      expect({ name, corrected: Object.keys(back.report.cells).filter((k) => back.report.cells[k].corrected) }).toEqual({
        name,
        corrected: [],
      });
      expect({ name, format: back.report.meta.format, reader: back.report.source.reader }).toEqual({
        name,
        format: report.meta.format,
        reader: 'xlsx',
      });
      // Statuses as recognition gave them, the narrative too.
      const statuses = (r: Report) =>
        Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.status === 'missing' ? 'blank' : c.status]));
      expect({ name, statuses: statuses(back.report) }).toEqual({ name, statuses: statuses(report) });
      expect({ name, sections: back.report.sections.map((s) => s.paragraphs) }).toEqual({
        name,
        sections: report.sections.map((s) => s.paragraphs),
      });
    }
  });

  it('keeps the provenance of each value: the sheet ordinal and the cell where the layout puts it', async () => {
    const report = reports.find((r) => r.report.meta.format === '2021')!.report;
    const back = await readReport(await reportToXlsx(report), 'p.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    const format = getFormat('2021');
    const t3 = format.spec.parts.find((p) => p.id === 't3')!;
    const sheetIndex = wb.worksheets.findIndex((w) => w.name === partSheetName(t3));
    const cell = partLayout(format, 't3').cells.find((c) => c.key === 't3.received.natural')!;
    expect(back.cells['t3.received.natural'].source).toEqual({ table: sheetIndex, row: PART_TOP - 1 + cell.row, col: cell.col });
  });

  it('keeps a correction through the workbook: the reported text, the corrected value and its note', async () => {
    const report = corrected(reports[2].report, 't3.received.natural', 77, '与原件核对');
    const reportedRaw = report.cells['t3.received.natural'].raw;
    const back = await readReport(await reportToXlsx(report), 'c.xlsx');
    expect(back.fields['t3.received.natural']).toBe(77);
    const cell = back.cells['t3.received.natural'];
    expect([cell.raw, cell.status]).toEqual([reportedRaw, report.cells['t3.received.natural'].status]);
    expect(cell.corrected).toEqual({ text: '77', value: 77, status: 'number', at: expect.any(String), note: '与原件核对' });
    expect(Object.keys(back.cells).filter((k) => back.cells[k].corrected)).toEqual(['t3.received.natural']);
  });

  it('keeps a correction to a blank cell without a note as it was: blank, and no note', async () => {
    const read = reports[2].report;
    const key = 't3.received.natural';
    const cell = {
      ...read.cells[key],
      corrected: { text: '', value: null, status: 'blank' as const, at: '2025-02-01T09:30:00.000Z' },
    };
    const report = checkReport({ ...read, fields: { ...read.fields, [key]: null }, cells: { ...read.cells, [key]: cell } });
    const back = await readReport(await reportToXlsx(report), 'blanked.xlsx');
    expect(back.cells[key].corrected).toEqual({ text: '', value: null, status: 'blank', at: expect.any(String) });
    expect(back.cells[key].raw).toBe(read.cells[key].raw);
  });

  it('makes a value changed in Excel a correction of what was reported, dated when the workbook was saved', async () => {
    const report = reports[3].report;
    const key = 't3.received.commercial';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    wb.modified = new Date('2025-01-20T08:00:00Z');
    const format = getFormat(report.meta.format);
    const ws = wb.getWorksheet(partSheetName(format.spec.parts.find((p) => p.id === 't3')!))!;
    const cell = partLayout(format, 't3').cells.find((c) => c.key === key)!;
    ws.getCell(PART_TOP + cell.row, cell.col + 1).value = 4321;
    const back = await readReport(Buffer.from(await wb.xlsx.writeBuffer()), 'edited.xlsx');
    expect(back.fields[key]).toBe(4321);
    expect(back.cells[key]).toEqual({
      raw: report.cells[key].raw,
      status: report.cells[key].status,
      source: back.cells[key].source,
      ...(report.cells[key].unit ? { unit: report.cells[key].unit } : {}),
      corrected: { text: '4321', value: 4321, status: 'number', at: '2025-01-20T08:00:00.000Z', note: '在工作簿中修改' },
    });
    expect(Object.keys(back.cells).filter((k) => back.cells[k].corrected)).toEqual([key]);
    // The rules see the corrected value; the workbook written from it marks the cell again.
    const again = await readReport(await reportToXlsx(back), 'again.xlsx');
    expect(again.cells[key].corrected).toEqual({ ...back.cells[key].corrected, at: expect.any(String) });
    expect(again.cells[key].raw).toBe(report.cells[key].raw);
  });

  it('takes what a body typed into a blank template as its report, not as corrections', async () => {
    const blank = blankReport('某某县统计局', 2024);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(blank)) as unknown as ArrayBuffer);
    const format = getFormat(blank.meta.format);
    const ws = wb.getWorksheet(partSheetName(format.spec.parts.find((p) => p.id === 't3')!))!;
    const cell = partLayout(format, 't3').cells.find((c) => c.key === 't3.received.natural')!;
    ws.getCell(PART_TOP + cell.row, cell.col + 1).value = 9;
    const back = await readReport(Buffer.from(await wb.xlsx.writeBuffer()), 'filled.xlsx');
    expect([back.fields['t3.received.natural'], back.cells['t3.received.natural'].raw]).toEqual([9, '9']);
    expect(Object.keys(back.cells).filter((k) => back.cells[k].corrected)).toEqual([]);
  });

  it('reads a value a clerk typed as text with a unit, as recognition would', async () => {
    const report = reports[3].report;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    const format = getFormat(report.meta.format);
    const ws = wb.getWorksheet(partSheetName(format.spec.parts.find((p) => p.id === 't3')!))!;
    const cell = partLayout(format, 't3').cells.find((c) => c.key === 't3.received.natural')!;
    ws.getCell(PART_TOP + cell.row, cell.col + 1).value = '１２件';
    const back = await readReport(Buffer.from(await wb.xlsx.writeBuffer()), 'typed.xlsx');
    const corrected = back.cells['t3.received.natural'].corrected!;
    expect([back.fields['t3.received.natural'], corrected.value, corrected.status, corrected.text]).toEqual([
      12,
      12,
      'number',
      '１２件',
    ]);
  });
});

const office = officeSuite();
const withOffice = 'soffice' in office ? it : it.skip;
if (!('soffice' in office)) console.warn(`skipping the office round trip of the report workbook: ${office.missing}`);

describe('a workbook saved again in an office suite', () => {
  withOffice('reads the same after LibreOffice opens and saves it as .xlsx', async () => {
    const read = await readFixture({ version: '2021', year: 2023, agency: '某某县审计局', values: quirkyValues('2021', 9) });
    const report = corrected(read, 't3.received.legal', 31, '电话核实');
    const src = path.join(dir, 'src', '审计局.xlsx');
    fs.mkdirSync(path.dirname(src), { recursive: true });
    fs.writeFileSync(src, await reportToXlsx(report));
    const outDir = path.join(dir, 'saved');
    fs.mkdirSync(outDir, { recursive: true });
    const r = officeConvert((office as { soffice: string }).soffice, [src], 'xlsx:Calc MS Excel 2007 XML', outDir);
    expect(r.status).toBe(0);
    const back = await readReport(fs.readFileSync(path.join(outDir, '审计局.xlsx')), '审计局.xlsx');
    expect(allFields(back)).toEqual(allFields(report));
    expect(back.cells['t3.received.legal'].corrected).toMatchObject({ text: '31', value: 31, note: '电话核实' });
    expect(back.cells['t3.received.legal'].raw).toBe(read.cells['t3.received.legal'].raw);
    expect(Object.keys(back.cells).filter((k) => back.cells[k].corrected)).toEqual(['t3.received.legal']);
  });
});

describe('a workbook that is not a report', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('says a roster is a roster, naming the file', async () => {
    const bytes = await workbook((wb) =>
      wb.addWorksheet('名单').addRows([
        ['序号', '单位名称'],
        [1, '某某县财政局'],
      ]),
    );
    const r = await readBytes(bytes, '名单.xlsx');
    expect(r.ok ? null : [r.error.code, r.error.zh, r.error.en]).toEqual([
      'ROSTER_WORKBOOK',
      '文件“名单.xlsx”无法读取：这是应报送单位名单（含“单位名称”列），不是年度报告；汇总时请用 --roster 指定名单',
      'Cannot read "名单.xlsx": this is a roster of reporting bodies (it has a 单位名称 column), not an annual report; give it to summary with --roster',
    ]);
  });

  it('says any other workbook is not a report workbook', async () => {
    const bytes = await workbook((wb) =>
      wb.addWorksheet('Sheet1').addRows([
        ['a', 1],
        ['b', 2],
      ]),
    );
    const r = await readBytes(bytes, '预算.xlsx');
    expect(r.ok ? null : r.error.code).toBe('NOT_REPORT_WORKBOOK');
  });
});

describe('corrections in the exports of one report', () => {
  it('marks a corrected cell of the per-report workbook with its own fill and the note 原报 X，更正为 Y; 原文 keeps the reported text', async () => {
    const base = await readFixture({ version: '2021', year: 2023, agency: '某某县商务局', values: quirkyValues('2021', 21) });
    const raw = base.cells['t2.fees.amount'].raw;
    const report = corrected(base, 't2.fees.amount', 88.5, '按财务报表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ArrayBuffer);
    const format = getFormat('2021');
    const ws = wb.getWorksheet(partSheetName(format.spec.parts.find((p) => p.id === 't2')!))!;
    const at = partLayout(format, 't2').cells.find((c) => c.key === 't2.fees.amount')!;
    const cell = ws.getCell(PART_TOP + at.row, at.col + 1);
    expect([cell.value, (cell.fill as ExcelJS.FillPattern).fgColor?.argb, String(cell.note)]).toEqual([
      88.5,
      xlsxStyle().correctedFill,
      `原报 ${raw}，更正为 88.5（按财务报表）`,
    ]);
    const data = listRows(wb.getWorksheet(xlsxStyle().sheets.data)!).find((r) => r['字段键'] === 't2.fees.amount')!;
    expect([data['值'], data['原文'], data['人工更正']]).toEqual([
      88.5,
      raw === '' ? null : raw,
      `原报 ${raw}，更正为 88.5（按财务报表）`,
    ]);
    const issues = listRows(wb.getWorksheet(xlsxStyle().sheets.issues)!).filter((r) => r['规则名称'] === '人工更正');
    expect(issues.map((r) => r['说明'])).toEqual([
      `${format.byKey.get('t2.fees.amount')!.where}：原报 ${raw}，更正为 88.5（按财务报表）`,
    ]);
  });

  let lastReport: Report | undefined;
  beforeAll(async () => {
    lastReport = await readFixture({ version: '2019', year: 2020, agency: '某某县商务局' });
  });

  it('keeps the correction in the JSON export under cells[key].corrected, the reported raw text beside it', () => {
    const report = corrected(lastReport!, 't3.received.natural', 31);
    const json = JSON.parse(reportToJson(report));
    expect(json.cells['t3.received.natural']).toMatchObject({
      raw: report.cells['t3.received.natural'].raw,
      corrected: { text: '31', value: 31, status: 'number', at: '2025-02-01T09:30:00.000Z' },
    });
    expect(json.fields['t3.received.natural']).toBe(31);
  });
});

describe('a correction in words (人工更正), written and read back', () => {
  it.each([
    ['12', '15', '电话核实', '原报 12，更正为 15（电话核实）'],
    ['', '0', undefined, '原报 （空白），更正为 0'],
    ['7', '', undefined, '原报 7，更正为 （空白）'],
    ['', '', '单位说明', '原报 （空白），更正为 （空白）（单位说明）'],
  ])('%j → %j (%s)', (reported, corrected, note, words) => {
    expect(correctionWords(reported, corrected, note)).toBe(words);
    expect(readCorrectionWords(words)).toEqual({ reported, corrected, ...(note ? { note } : {}) });
  });

  it('reads other text as no correction', () => {
    expect(readCorrectionWords('已核对')).toBeUndefined();
  });
});
