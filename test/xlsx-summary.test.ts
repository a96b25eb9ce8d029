/**
 * The summary workbook a superior prints, written by the streaming SummaryWriter and read back with
 * exceljs (and LibreOffice): 报送情况 lists every roster body (未报送 included), 汇总表 draws the
 * official tables with the totals over the reports that count (one per body and year), 问题清单 has
 * one finding per row in plain words with the corrections, 明细 has one row per report per format
 * with the field keys hidden, and the printable sheets print one page wide without paths or keys.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileResult } from '../src/core/pipeline';
import { partLayout } from '../src/formats/layout';
import { getFormat } from '../src/formats/model';
import { IngestError } from '../src/ingest/errors';
import { SummaryWriter, sheetName, type SummaryOptions, type SummaryStats } from '../src/export/xlsx';
import { xlsxStyle } from '../src/export/xlsx/style';
import type { Report } from '../src/report/types';
import type { Roster } from '../src/roster';
import { crossYear, type CrossYearResult } from '../src/validate';
import { tempDir } from './helpers/cli';
import { officeConvert } from './helpers/office';
import { consistentValues } from './helpers/report-fixture';
import { corrected, ok, variant } from './helpers/summary-fixture';
import { columnLetter, listRows, officeSuite, parseCsv, plain, readWorkbook, sheet, sheetsAsCsv } from './helpers/xlsx';

const dir = tempDir('nianbao-xlsx-summary-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const S = xlsxStyle().sheets;
/** Rows of the title block; list sheets have their header below it. */
const TOP = 3;
/** 明细: title block, three label rows, the hidden key row. */
const KEY_ROW = 6;
const OPTIONS: SummaryOptions = {
  title: '某某县2024年度政府信息公开工作年度报告汇总表',
  compiler: '某某县人民政府办公室',
  date: '2025-02-10',
};

interface Written {
  readonly file: string;
  readonly wb: ExcelJS.Workbook;
  readonly stats: SummaryStats;
}

async function writeSummary(
  name: string,
  results: readonly FileResult[],
  options: SummaryOptions = OPTIONS,
  cross?: (w: SummaryWriter) => CrossYearResult,
): Promise<Written> {
  const file = path.join(dir, name);
  const w = new SummaryWriter(file, options);
  for (const r of results) await w.add(r);
  const stats = await w.finish(cross ? cross(w) : crossYear(w.yearRecords()));
  return { file, wb: await readWorkbook(file), stats };
}

const failed = (file: string): FileResult => ({
  ok: false,
  file,
  error: new IngestError('CORRUPT_ZIP', path.basename(file), 'invalid zip data').toJSON(),
});

/** 明细 columns by the key in the hidden key row. */
function keyColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const col = new Map<string, number>();
  ws.getRow(KEY_ROW).eachCell((c, n) => col.set(String(c.value), n));
  return col;
}

const names = Array.from({ length: 10 }, (_, i) => `某某县第${i + 1}局`);
const roster: Roster = {
  source: '名单.xlsx',
  bodies: names.map((name, i) => ({ name, category: i < 5 ? '县直部门' : '乡镇街道', due: '2025-01-31' })),
};

describe('summary with a roster of 10 bodies, 2 of them absent', () => {
  let reports: Report[];
  let results: FileResult[];
  let out: Written;
  beforeAll(async () => {
    const present = names.filter((_, i) => i !== 3 && i !== 7);
    reports = [];
    for (const [i, agency] of present.entries())
      reports.push(await variant({ agency, seed: i + 1, publishDate: i === 2 ? '2025-02-05' : '2025-01-20' }));
    reports[1] = corrected(reports[1], 't2.fees.amount', 1234.5, '与单位核实');
    // 第1局 sent a second, later report (counts instead of the first); one report is from a body the roster lacks.
    const again = await variant({ agency: '县第1局', seed: 40, publishDate: '2025-01-25' });
    const stranger = await variant({ agency: '某某县档案馆', seed: 41 });
    results = [
      ...reports.map((r, i) => ok(r, `收件/第${i + 1}份.docx`)),
      ok(again, '收件/补报/第1局再报.docx'),
      ok(stranger, '收件/档案馆.docx'),
      failed('收件/坏文件.docx'),
    ];
    out = await writeSummary('roster.xlsx', results, { ...OPTIONS, roster });
  });

  it('puts the sheets in the order a superior reads them', () => {
    expect(out.wb.worksheets.map((w) => w.name)).toEqual([S.status, S.totals, S.issueList, S.detail, S.crossYear, S.failed]);
  });

  it('lists every roster body on 报送情况, the 2 absent ones as 未报送', () => {
    const rows = listRows(sheet(out.wb, S.status), TOP);
    const bodies = rows.filter((r) => names.includes(String(r['单位'])));
    expect(bodies.filter((r) => r['状态'] === '未报送').map((r) => r['单位'])).toEqual(['某某县第4局', '某某县第8局']);
    expect(out.stats.absent).toBe(2);
    expect(rows.map((r) => [r['序号'], r['单位'], r['类别'], r['状态'], r['文件']])).toEqual([
      [1, '某某县第1局', '县直部门', '已报送', '第1局再报.docx'],
      [null, '某某县第1局', '县直部门', '重复报送', '第1份.docx'],
      [2, '某某县第2局', '县直部门', '已更正', '第2份.docx'],
      [3, '某某县第3局', '县直部门', '逾期', '第3份.docx'],
      [4, '某某县第4局', '县直部门', '未报送', null],
      [5, '某某县第5局', '县直部门', '已报送', '第4份.docx'],
      [6, '某某县第6局', '乡镇街道', '已报送', '第5份.docx'],
      [7, '某某县第7局', '乡镇街道', '已报送', '第6份.docx'],
      [8, '某某县第8局', '乡镇街道', '未报送', null],
      [9, '某某县第9局', '乡镇街道', '已报送', '第7份.docx'],
      [10, '某某县第10局', '乡镇街道', '已报送', '第8份.docx'],
      [11, '某某县档案馆', null, '名单外', '档案馆.docx'],
      [12, null, null, '无法读取', '坏文件.docx'],
    ]);
    expect(rows[0]['备注']).toBe('重复报送：另有 第1份.docx（未计入）');
    expect(rows[1]['备注']).toBe('重复报送：计入 第1局再报.docx，本份未计入汇总');
    expect(rows[0]['本年新收申请（件）']).toBe(consistentValues('2021', 40)['t3.received.total']);
  });

  it('holds on 汇总表 the official tables with the totals over one report per body', () => {
    const ws = sheet(out.wb, S.totals);
    const counted = [
      ...reports.slice(1),
      results[8].ok ? results[8].report : null,
      results[9].ok ? results[9].report : null,
    ].filter((r): r is Report => !!r);
    expect(out.stats.counted).toBe(counted.length);
    const format = getFormat('2021');
    let row = TOP + 1;
    let checked = 0;
    for (const part of format.spec.parts) {
      const layout = partLayout(format, part.id);
      expect(plain(ws.getCell(row - 1, 1))).toBe(`${part.no}、${part.title}`);
      for (const c of layout.cells) {
        const cell = ws.getCell(row + c.row, c.col + 1);
        if (c.role !== 'value') {
          expect(plain(cell)).toBe(c.text || null);
          continue;
        }
        const numbers = counted.map((r) => r.fields[c.key!]).filter((v): v is number => typeof v === 'number');
        const sum = numbers.length ? Math.round(numbers.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null;
        expect({ key: c.key, value: plain(cell) }).toEqual({ key: c.key, value: sum });
        checked++;
      }
      row += layout.height + 2;
    }
    expect(checked).toBe(format.fields.filter((f) => f.part !== 'meta').length);
    // The correction counts, not the reported value.
    expect(reports[1].fields['t2.fees.amount']).toBe(1234.5);
  });

  it('lists on 问题清单 the correction in plain words, the field keys only in a hidden column', () => {
    const ws = sheet(out.wb, S.issueList);
    const rows = listRows(ws, TOP);
    const where = getFormat('2021').byKey.get('t2.fees.amount')!.where;
    const raw = reports[1].cells['t2.fees.amount'].raw;
    expect(rows.filter((r) => r['类别'] === '更正')).toEqual([
      {
        序号: expect.any(Number),
        单位: '某某县第2局',
        文件: '第2份.docx',
        类别: '更正',
        问题: '人工更正',
        说明: `${where}：原报 ${raw}，更正为 1234.5（与单位核实）`,
        位置: where,
        字段键: 't2.fees.amount',
      },
    ]);
    const keyColumn = (ws.getRow(TOP).values as unknown[]).indexOf('字段键');
    expect(ws.getColumn(keyColumn).hidden).toBe(true);
  });

  it('marks the corrected cell on 明细 with its own fill and a note 原报 X，更正为 Y, and flags the duplicate 否', () => {
    const ws = sheet(out.wb, S.detail);
    const col = keyColumns(ws);
    expect(ws.getRow(KEY_ROW).hidden).toBe(true);
    const files = Array.from({ length: 10 }, (_, i) => plain(ws.getCell(KEY_ROW + 1 + i, col.get('source.file')!)));
    expect(files).toEqual([
      '第1份.docx',
      '第2份.docx',
      '第3份.docx',
      '第4份.docx',
      '第5份.docx',
      '第6份.docx',
      '第7份.docx',
      '第8份.docx',
      '第1局再报.docx',
      '档案馆.docx',
    ]);
    expect(plain(ws.getCell(KEY_ROW + 1, col.get('counted')!))).toBe('否（重复报送）');
    const cell = ws.getCell(KEY_ROW + 2, col.get('t2.fees.amount')!);
    expect([cell.value, (cell.fill as ExcelJS.FillPattern).fgColor?.argb, String(cell.note)]).toEqual([
      1234.5,
      xlsxStyle().correctedFill,
      `原报 ${reports[1].cells['t2.fees.amount'].raw}，更正为 1234.5（与单位核实）`,
    ]);
  });

  it('ends 明细 with totals that skip the duplicate (SUMIF on 计入汇总)', () => {
    const ws = sheet(out.wb, S.detail);
    const col = keyColumns(ws);
    const first = KEY_ROW + 1;
    const last = KEY_ROW + 10;
    const flag = columnLetter(col.get('counted')!);
    const c = col.get('t3.total.total')!;
    const total = ws.getCell(last + 1, c);
    const expected = results.slice(1, 10).reduce((n, r) => n + (r.ok ? (r.report.fields['t3.total.total'] as number) : 0), 0);
    expect([total.formula, total.result]).toEqual([
      `SUMIF($${flag}$${first}:$${flag}$${last},"是",${columnLetter(c)}${first}:${columnLetter(c)}${last})`,
      expected,
    ]);
  });

  it('puts a title and the 编制单位/日期 line on every sheet', () => {
    for (const ws of out.wb.worksheets) {
      expect([ws.name, String(plain(ws.getCell(1, 1)))]).toEqual([
        ws.name,
        expect.stringMatching(/^某某县2024年度政府信息公开工作年度报告汇总表/),
      ]);
      expect([ws.name, String(plain(ws.getCell(2, 1)))]).toEqual([
        ws.name,
        expect.stringMatching(/^编制单位：某某县人民政府办公室　　编制日期：2025年2月10日/),
      ]);
      expect([ws.name, ws.headerFooter.oddFooter]).toEqual([ws.name, '&C第 &P 页，共 &N 页']);
      expect([ws.name, ws.pageSetup.paperSize]).toEqual([ws.name, 9]);
    }
  });
});

describe('summary without a roster', () => {
  it('lists one row per report, counts the same report given twice once (the later copy), and makes one totals sheet per format and year', async () => {
    const a = await variant({ agency: '某某县水利局', seed: 3 });
    const b = await variant({ version: '2019', agency: '某某县水利局', year: 2020, seed: 4 });
    const out = await writeSummary('no-roster.xlsx', [ok(a, 'a.docx'), ok(a, 'a.docx'), ok(b, 'b.docx')], { date: '2025-02-10' });
    expect(out.wb.worksheets.map((w) => w.name)).toEqual([
      S.status,
      `${S.totals} 2020 2019版`,
      `${S.totals} 2024 2021版`,
      S.issueList,
      `${S.detail} 2021版`,
      `${S.detail} 2019版`,
      S.crossYear,
      S.failed,
    ]);
    expect(listRows(sheet(out.wb, S.status), TOP).map((r) => [r['序号'], r['单位'], r['状态']])).toEqual([
      [null, '某某县水利局', '重复报送'],
      [1, '某某县水利局', '已报送'],
      [2, '某某县水利局', '已报送'],
    ]);
    const totals = sheet(out.wb, `${S.totals} 2024 2021版`);
    expect(String(plain(totals.getCell(1, 1)))).toBe('2024年度政府信息公开工作年度报告汇总表（2024年度，2021版格式）');
    expect(String(plain(totals.getCell(2, 1)))).toBe(
      '编制单位：（未填写）　　编制日期：2025年2月10日　　汇总范围：1 份报告（每个单位每年度计一份）',
    );
    expect(out.stats).toMatchObject({ reports: 3, counted: 2, absent: null });
  });
});

describe('问题清单', () => {
  it('gives a finding about many blank cells one row naming the tables and how many cells', async () => {
    const values = consistentValues('2021', 5);
    for (const k of Object.keys(values).filter((key) => key.startsWith('t4.'))) values[k] = null;
    const report = await variant({ agency: '某某县统计局', values });
    const out = await writeSummary('blank.xlsx', [ok(report, '统计/统计局.docx')]);
    const blank = report.issues.filter((f) => f.rule === 'BLANK_CELL');
    expect(blank.length).toBe(1);
    const rows = listRows(sheet(out.wb, S.issueList), TOP).filter((r) => r['问题'] === '数据单元格空白（应填 0）');
    expect(rows.map((r) => [r['单位'], r['文件'], r['说明'], r['位置']])).toEqual([
      ['某某县统计局', '统计局.docx', blank[0].message, `表四共 ${blank[0].fields.length} 个单元格`],
    ]);
  });
});

describe('跨年核对', () => {
  it('shows each carried figure of a pair with both years and the verdict of the cross-year rules', async () => {
    const earlierValues = consistentValues('2021', 41);
    const laterValues = consistentValues('2021', 42);
    for (const c of getFormat('2021').tables.find((t) => t.spec.id === 't3')!.leafColumns) {
      const col = c.ids.join('.');
      laterValues[`t3.carriedOver.${col}`] = earlierValues[`t3.carriedForward.${col}`];
    }
    laterValues['t3.carriedOver.natural'] = (earlierValues['t3.carriedForward.natural'] as number) + 5;
    const earlier = await variant({ agency: '某某县交通运输局', year: 2021, values: earlierValues });
    const later = await variant({ agency: '某某县交通运输局', year: 2022, values: laterValues });
    const out = await writeSummary('cross.xlsx', [ok(earlier, '交通/2021.docx'), ok(later, '交通/2022.docx')]);
    const carry = listRows(sheet(out.wb, S.crossYear), TOP).filter((r) => r['规则'] === 'CROSS_YEAR_CARRY');
    const columns = getFormat('2021')
      .tables.find((t) => t.spec.id === 't3')!
      .leafColumns.map((c) => c.ids.join('.'));
    expect(carry.length).toBe(columns.length);
    for (const [i, col] of columns.entries()) {
      expect(carry[i]).toMatchObject({
        发布机关: '某某县交通运输局',
        上年年度: 2021,
        上年文件: '2021.docx',
        本年年度: 2022,
        本年文件: '2022.docx',
        上年值: earlierValues[`t3.carriedForward.${col}`],
        本年值: laterValues[`t3.carriedOver.${col}`],
      });
    }
    expect(carry.filter((r) => r['结果'] === '错误').map((r) => r['核对项'])).toEqual([
      getFormat('2021').byKey.get('t3.carriedOver.natural')!.where,
    ]);
    const issues = listRows(sheet(out.wb, S.issueList), TOP).filter((r) => r['问题'] === '上年结转与上年度报告的结转下年度不符');
    expect(issues.map((r) => [r['文件'], r['单位']])).toEqual([['2022.docx', '某某县交通运输局']]);
  });
});

describe('summary safety', () => {
  it('keeps text that starts with = + - @ as text', async () => {
    const agency = '=HYPERLINK("http://example.invalid","点击")局';
    const report = await variant({ agency, seed: 3 });
    const out = await writeSummary('formula.xlsx', [ok(report, '-危险+文件名.docx')]);
    const ws = sheet(out.wb, S.detail);
    const col = keyColumns(ws);
    const row = ws.getRow(KEY_ROW + 1);
    expect([row.getCell(col.get('meta.agency')!).type, plain(row.getCell(col.get('meta.agency')!))]).toEqual([
      ExcelJS.ValueType.String,
      agency,
    ]);
    expect([row.getCell(col.get('source.file')!).type, plain(row.getCell(col.get('source.file')!))]).toEqual([
      ExcelJS.ValueType.String,
      '-危险+文件名.docx',
    ]);
    out.wb.eachSheet((ws) =>
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula)
            expect([ws.name, String(c.formula)]).toEqual([S.detail, expect.stringMatching(/^SUMIF\(/)]);
        }),
      ),
    );
  });

  it('makes sheet names Excel accepts out of any agency name', async () => {
    const names = ['[某某]县:人民政府/办公室*?\\', "'引号'", 'History', '某'.repeat(40), '某'.repeat(40), '', '𠀀'.repeat(20)];
    const taken = new Set<string>();
    for (const n of names) {
      const s = sheetName(n, taken);
      expect(s).not.toMatch(/[[\]:*?/\\]/);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(31);
      expect(s).not.toMatch(/^'|'$/);
      expect(s.toLowerCase()).not.toBe('history');
      expect(taken.has(s)).toBe(false);
      taken.add(s);
    }
    const wb = new ExcelJS.Workbook();
    for (const s of taken) wb.addWorksheet(s).getCell('A1').value = s;
    const file = path.join(dir, 'names.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await readWorkbook(file)).worksheets.map((w) => w.name)).toEqual([...taken]);
  });

  it('reports a target it cannot write as an error, leaving no partial file', async () => {
    const target = path.join(dir, 'no-such-folder', '汇总.xlsx');
    const w = new SummaryWriter(target);
    const report = await variant({ agency: '某某县民政局' });
    await expect(
      (async () => {
        await w.add(ok(report, 'a.docx'));
        await w.finish();
      })(),
    ).rejects.toThrow(/无法写入汇总表[\s\S]*Cannot write the summary workbook[\s\S]*ENOENT/);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });

  it('writes a valid workbook when no file could be read', async () => {
    const out = await writeSummary('all-failed.xlsx', [failed('甲/x.docx'), failed('乙/y.docx')]);
    expect(listRows(sheet(out.wb, S.failed), TOP).map((r) => r['文件'])).toEqual(['x.docx', 'y.docx']);
    expect(listRows(sheet(out.wb, S.status), TOP).map((r) => r['状态'])).toEqual(['无法读取', '无法读取']);
    expect(out.wb.worksheets.map((w) => w.name)).toEqual([S.status, S.issueList, S.crossYear, S.failed]);
  });
});

const office = officeSuite();
const withOffice = 'soffice' in office ? it : it.skip;
if (!('soffice' in office)) console.warn(`skipping the LibreOffice tests of the summary workbook: ${office.missing}`);

/** The text of each page of a PDF, laid out as printed. */
function pdfPages(pdf: string): string[] {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  return Array.from(
    { length: pages },
    (_, i) =>
      spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout,
  );
}

describe('summary in an office suite', () => {
  withOffice('opens in LibreOffice: every sheet converts to CSV with the values and totals as written', async () => {
    const reports = await Promise.all([1, 2].map((seed) => variant({ agency: `某某县第${seed}局`, seed })));
    const out = await writeSummary('office-summary.xlsx', [
      ok(reports[0], 'a/1.docx'),
      ok(reports[1], 'a/2.docx'),
      failed('坏.docx'),
    ]);
    const { status, stderr, csv } = sheetsAsCsv(
      (office as { soffice: string }).soffice,
      out.file,
      path.join(dir, 'office-summary'),
    );
    expect({ status, stderr: stderr.includes('Error') ? stderr : '' }).toEqual({ status: 0, stderr: '' });
    expect([...csv.keys()].sort()).toEqual(out.wb.worksheets.map((w) => w.name).sort());
    const rows = parseCsv(csv.get(S.detail)!);
    const keys = rows[KEY_ROW - 1];
    const at = (row: string[], key: string) => row[keys.indexOf(key)];
    reports.forEach((r, i) => expect(at(rows[KEY_ROW + i], 't3.total.total')).toBe(String(r.fields['t3.total.total'])));
    expect(Number(at(rows[KEY_ROW + 2], 't3.total.total'))).toBe(
      (reports[0].fields['t3.total.total'] as number) + (reports[1].fields['t3.total.total'] as number),
    );
  });

  withOffice('prints 报送情况, 汇总表 and 问题清单 one page wide on A4, with no folder paths or field keys', async () => {
    const present = names.filter((_, i) => i !== 3 && i !== 7);
    const reports = await Promise.all(present.map((agency, i) => variant({ agency, seed: i + 1 })));
    reports[0] = corrected(reports[0], 't4.review.upheld', 7);
    const out = await writeSummary(
      'print.xlsx',
      reports.map((r, i) => ok(r, `/home/clerk/收件箱/${i + 1}.docx`)),
      { ...OPTIONS, roster },
    );
    const pdfDir = path.join(dir, 'print');
    fs.mkdirSync(pdfDir, { recursive: true });
    const r = officeConvert((office as { soffice: string }).soffice, [out.file], 'pdf', pdfDir);
    expect(r.status).toBe(0);
    const pdf = path.join(pdfDir, 'print.pdf');
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(
      /Page size:\s+(595\.\d+ x 841\.\d+|841\.\d+ x 595\.\d+) pts \(A4\)/,
    );
    const pages = pdfPages(pdf);
    // A sheet one page wide has its first and last column on each of its pages.
    const statusPages = pages.filter((p) => p.includes('（报送情况）'));
    expect(statusPages.length).toBe(1);
    expect(statusPages[0]).toMatch(/序号[\s\S]*备注/);
    expect(statusPages[0]).toContain('某某县第8局');
    const problemPages = pages.filter((p) => p.includes('（问题清单）'));
    expect(problemPages.length).toBe(1);
    expect(problemPages[0]).toMatch(/序号[\s\S]*位置/);
    const t3 = pages.filter((p) => p.includes('三、收到和处理政府信息公开申请情况'));
    expect(t3.length).toBe(1);
    expect(t3[0]).toMatch(/自然人[\s\S]*总计/);
    expect(t3[0]).toContain('结转下年度继续办理');
    const printed = pages.filter((p) => !p.includes('（明细'));
    for (const text of printed) {
      expect(text).not.toMatch(/\b(t[234]|meta)\.[a-zA-Z]/);
      expect(text).not.toContain('/home/clerk');
    }
  });
});
