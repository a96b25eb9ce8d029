/**
 * The batch summary workbook, written by the streaming SummaryWriter and read back with exceljs:
 * every value equals the report's, headers come from the field catalog of both formats, the totals
 * are real SUM formulas, failures and findings are listed, cross-year pairs show their figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileResult } from '../src/core/pipeline';
import { FORMAT_VERSIONS, getFormat, type FieldDef } from '../src/formats/model';
import type { FormatVersion } from '../src/formats/types';
import { IngestError } from '../src/ingest/errors';
import { SummaryWriter, sheetName } from '../src/export/xlsx';
import { xlsxStyle } from '../src/export/xlsx/style';
import type { Report } from '../src/report/types';
import { crossYear, type CrossYearResult } from '../src/validate';
import { tempDir } from './helpers/cli';
import { readBytes, readFixture } from './helpers/pipeline';
import { consistentValues } from './helpers/report-fixture';
import { buildDocx } from './helpers/docx-fixture';
import { columnLetter, listRows, officeSuite, parseCsv, plain, quirkyValues, readWorkbook, sheet, sheetsAsCsv } from './helpers/xlsx';

const dir = tempDir('nianbao-xlsx-summary-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const S = xlsxStyle().sheets;
const KEY_ROW = 4;

interface Written {
  readonly file: string;
  readonly wb: ExcelJS.Workbook;
  readonly main: ExcelJS.Worksheet;
  /** Column number by the key in the key row. */
  readonly col: Map<string, number>;
}

async function writeSummary(name: string, results: readonly FileResult[], cross?: (w: SummaryWriter) => CrossYearResult): Promise<Written> {
  const file = path.join(dir, name);
  const w = new SummaryWriter(file);
  for (const r of results) await w.add(r);
  await w.finish(cross ? cross(w) : crossYear(w.yearRecords()));
  const wb = await readWorkbook(file);
  const main = sheet(wb, S.summary);
  const col = new Map<string, number>();
  main.getRow(KEY_ROW).eachCell((c, n) => col.set(String(c.value), n));
  return { file, wb, main, col };
}

const ok = (report: Report, file: string): FileResult => ({ ok: true, file, report });
const failed = (file: string): FileResult => ({ ok: false, file, error: new IngestError('CORRUPT_ZIP', path.basename(file), 'invalid zip data').toJSON() });

/** Reports of both formats with random values and real-report quirks, read from real DOCX files. */
async function batch(seeds: readonly number[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const seed of seeds) {
    const version: FormatVersion = seed % 2 ? '2019' : '2021';
    const year = version === '2019' ? 2019 + (seed % 2) : 2021 + (seed % 3);
    const report = await readFixture({ version, year, agency: `某某市第${seed}局`, values: quirkyValues(version, seed) });
    results.push(ok(report, `批次/第${seed}份.docx`));
  }
  return results;
}

function fieldDefs(key: string): FieldDef[] {
  return FORMAT_VERSIONS.map((v) => getFormat(v).byKey.get(key)).filter((f): f is FieldDef => !!f);
}

describe('batch summary workbook', () => {
  let results: FileResult[];
  let out: Written;
  beforeAll(async () => {
    results = [...(await batch([1, 2, 3, 4, 5, 6])), failed('批次/坏文件.docx')];
    out = await writeSummary('summary.xlsx', results);
  });

  it('has every field key of both formats once in the key row', () => {
    const keys = [...out.col.keys()].filter((k) => fieldDefs(k).length);
    const catalog = new Set(FORMAT_VERSIONS.flatMap((v) => getFormat(v).fields.map((f) => f.key)));
    expect(keys.length).toBe(catalog.size);
    expect(new Set(keys)).toEqual(catalog);
  });

  it('holds, for every report, exactly the value read from it in every field column', () => {
    results.forEach((r, i) => {
      const row = out.main.getRow(KEY_ROW + 1 + i);
      expect(plain(row.getCell(out.col.get('source.file')!))).toBe(r.file);
      for (const [key, c] of out.col) {
        if (!fieldDefs(key).length) continue;
        const inFormat = r.ok && getFormat(r.report.meta.format).byKey.has(key);
        const expected = inFormat && r.ok ? r.report.fields[key] ?? null : null;
        expect({ file: r.file, key, value: plain(row.getCell(c)) }).toEqual({ file: r.file, key, value: expected });
      }
    });
  });

  it('puts table / row / column labels of the catalog above each field in merged header cells', () => {
    const merged = out.main.model.merges ?? [];
    for (const [key, c] of out.col) {
      const defs = fieldDefs(key);
      if (!defs.length || defs[0].part === 'meta') continue;
      const text = (r: number) => String(plain(out.main.getCell(r, c).master));
      for (const d of defs) {
        expect([key, text(1)]).toEqual([key, expect.stringContaining(d.tableLabel)]);
        expect([key, text(2)]).toEqual([key, expect.stringContaining(d.rowLabel)]);
        expect([key, text(3)]).toEqual([key, expect.stringContaining(d.leafColumn!.node.label)]);
      }
    }
    // Table 四 is one merged cell over exactly its fifteen columns (same keys in both formats).
    const t4 = [...out.col].filter(([k]) => k.startsWith('t4.')).map(([, c]) => c);
    expect(merged).toContain(`${columnLetter(Math.min(...t4))}1:${columnLetter(Math.max(...t4))}1`);
    // A leading column spans all three header levels.
    const file = out.col.get('source.file')!;
    expect(merged).toContain(`${columnLetter(file)}1:${columnLetter(file)}3`);
  });

  it('ends with a totals row of real SUM formulas over the report rows', () => {
    const first = KEY_ROW + 1;
    const last = KEY_ROW + results.length;
    const totals = out.main.getRow(last + 1);
    expect(plain(totals.getCell(out.col.get('source.file')!))).toBe(xlsxStyle().summary.totalsLabel);
    let summed = 0;
    for (const [key, c] of out.col) {
      const defs = fieldDefs(key);
      const numeric = (defs.length && defs[0].part !== 'meta' && defs[0].type !== 'text') || key.startsWith('issues.');
      const cell = totals.getCell(c);
      if (!numeric) {
        expect([key, cell.type]).not.toEqual([key, ExcelJS.ValueType.Formula]);
        continue;
      }
      const letter = columnLetter(c);
      expect([key, cell.formula]).toEqual([key, `SUM(${letter}${first}:${letter}${last})`]);
      let sum = 0;
      for (let r = first; r <= last; r++) {
        const v = out.main.getCell(r, c).value;
        if (typeof v === 'number') sum += v;
      }
      expect(cell.result as number).toBeCloseTo(sum, 6);
      summed++;
    }
    // Every numeric column of both formats, and the issue counts.
    expect(summed).toBe(229);
  });

  it('freezes the header and first columns, filters on the key row and formats 万元 with two decimals', () => {
    expect(out.main.views[0]).toMatchObject({ state: 'frozen', xSplit: xlsxStyle().summary.frozenColumns, ySplit: KEY_ROW });
    const filter = out.main.autoFilter as unknown as string | { from: unknown };
    expect(String(typeof filter === 'string' ? filter : JSON.stringify(filter))).toMatch(/^A4:/);
    const report = results.find((r) => r.ok && r.report.meta.format === '2021' && typeof r.report.fields['t2.fees.amount'] === 'number');
    const row = KEY_ROW + 1 + results.indexOf(report!);
    expect(out.main.getCell(row, out.col.get('t2.fees.amount')!).numFmt).toBe(xlsxStyle().numberFormats.decimal);
    const intCol = out.col.get('t3.total.total')!;
    const withInt = results.findIndex((r) => r.ok && typeof r.report.fields['t3.total.total'] === 'number');
    expect(out.main.getCell(KEY_ROW + 1 + withInt, intCol).numFmt).toBe(xlsxStyle().numberFormats.int);
  });

  it('lists a file it could not read with its error, in the main sheet and on 无法读取', () => {
    const bad = results[results.length - 1] as Extract<FileResult, { ok: false }>;
    const row = out.main.getRow(KEY_ROW + results.length);
    expect(plain(row.getCell(out.col.get('source.file')!))).toBe(bad.file);
    expect(String(plain(row.getCell(out.col.get('status')!)))).toContain(bad.error.zh);
    expect(listRows(sheet(out.wb, S.failed))).toEqual([{ 序号: 1, 文件: bad.file, 错误代码: 'CORRUPT_ZIP', 原因: bad.error.zh, Reason: bad.error.en }]);
  });

  it('lists every finding of every report on 问题清单 with its file and agency', () => {
    const rows = listRows(sheet(out.wb, S.issueList));
    const expected = results.flatMap((r) => (r.ok ? r.report.issues.map((f) => [r.file, r.report.meta.agency, f.rule, f.message]) : []));
    expect(rows.map((r) => [r['文件'], r['发布机关'], r['规则'], r['说明']])).toEqual(expected);
    expect(rows.map((r) => r['序号'])).toEqual(rows.map((_, i) => i + 1));
  });
});

describe('跨年核对', () => {
  it('shows each carried figure of a pair with both years and the verdict of the cross-year rules', async () => {
    const earlierValues = consistentValues('2021', 41);
    const laterValues = consistentValues('2021', 42);
    // This year's 上年结转 carries last year's 结转下年度, except for 自然人.
    for (const c of getFormat('2021').tables.find((t) => t.spec.id === 't3')!.leafColumns) {
      const col = c.ids.join('.');
      laterValues[`t3.carriedOver.${col}`] = earlierValues[`t3.carriedForward.${col}`];
    }
    laterValues['t3.carriedOver.natural'] = (earlierValues['t3.carriedForward.natural'] as number) + 5;
    const earlier = await readFixture({ version: '2021', agency: '某某县交通运输局', year: 2021, values: earlierValues });
    const later = await readFixture({ version: '2021', agency: '某某县交通运输局', year: 2022, values: laterValues });
    const out = await writeSummary('cross.xlsx', [ok(earlier, '交通/2021.docx'), ok(later, '交通/2022.docx')]);
    const rows = listRows(sheet(out.wb, S.crossYear));
    const carry = rows.filter((r) => r['规则'] === 'CROSS_YEAR_CARRY');
    const columns = getFormat('2021').tables.find((t) => t.spec.id === 't3')!.leafColumns.map((c) => c.ids.join('.'));
    expect(carry.length).toBe(columns.length);
    for (const [i, col] of columns.entries()) {
      expect(carry[i]).toMatchObject({ 发布机关: '某某县交通运输局', 上年年度: 2021, 上年文件: '交通/2021.docx', 本年年度: 2022, 本年文件: '交通/2022.docx', 上年值: earlierValues[`t3.carriedForward.${col}`], 本年值: laterValues[`t3.carriedOver.${col}`] });
    }
    expect(carry.filter((r) => r['结果'] === '错误').map((r) => r['核对项'])).toEqual([getFormat('2021').byKey.get('t3.carriedOver.natural')!.where]);
    expect(carry.find((r) => r['结果'] === '错误')!['说明']).toBe(`表三申请人情况“自然人”列：上年结转 ${laterValues['t3.carriedOver.natural']} ≠ 2021年报告的结转下年度 ${earlierValues['t3.carriedForward.natural']}（相差 5）`);
    // The cross-year findings are on 问题清单 too, under the later report.
    const issues = listRows(sheet(out.wb, S.issueList)).filter((r) => r['规则'] === 'CROSS_YEAR_CARRY');
    expect(issues.map((r) => [r['文件'], r['发布机关'], r['报告年度']])).toEqual([['交通/2022.docx', '某某县交通运输局', 2022]]);
  });

  it('lists a report the rules could not pair, with their reason', async () => {
    const report = await readFixture({ version: '2021', year: 2022 });
    const out = await writeSummary('unpaired.xlsx', [ok(report, 'a.docx')], () => ({
      pairs: [],
      findings: new Map(),
      unpaired: [{ id: 'a.docx', file: 'a.docx', agency: null, year: 2022, reason: 'no-agency', note: '未识别出发布机关，无法与其他年度配对' }],
    }));
    expect(listRows(sheet(out.wb, S.crossYear))).toEqual([expect.objectContaining({ 本年文件: 'a.docx', 本年年度: 2022, 结果: '未配对', 说明: '未识别出发布机关，无法与其他年度配对' })]);
  });
});

describe('summary safety', () => {
  it('keeps text that starts with = + - @ as text', async () => {
    const agency = '=HYPERLINK("http://example.invalid","点击")局';
    const report = await readFixture({ version: '2021', agency, values: { ...consistentValues('2021', 3), 't3.received.natural': '@SUM(A1)' } });
    const out = await writeSummary('formula.xlsx', [ok(report, '-危险+文件名.docx')]);
    const row = out.main.getRow(KEY_ROW + 1);
    expect([row.getCell(out.col.get('meta.agency')!).type, plain(row.getCell(out.col.get('meta.agency')!))]).toEqual([ExcelJS.ValueType.String, agency]);
    expect([row.getCell(out.col.get('source.file')!).type, plain(row.getCell(out.col.get('source.file')!))]).toEqual([ExcelJS.ValueType.String, '-危险+文件名.docx']);
    out.wb.eachSheet((ws) => ws.eachRow((r, n) => r.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) expect([ws.name, String(c.formula)]).toEqual([S.summary, expect.stringMatching(/^SUM\(/)]);
      void n;
    })));
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
    const report = await readFixture({ version: '2019' });
    await expect((async () => {
      await w.add(ok(report, 'a.docx'));
      await w.finish();
    })()).rejects.toThrow(/无法写入汇总表[\s\S]*Cannot write the summary workbook[\s\S]*ENOENT/);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });

  it('writes a valid workbook when no file could be read', async () => {
    const out = await writeSummary('all-failed.xlsx', [failed('x.docx'), failed('y.docx')]);
    expect(listRows(sheet(out.wb, S.failed)).map((r) => r['文件'])).toEqual(['x.docx', 'y.docx']);
    const errors = out.col.get('issues.error')!;
    const total = out.main.getCell(KEY_ROW + 3, errors);
    expect([total.formula, total.result ?? 0]).toEqual([`SUM(${columnLetter(errors)}5:${columnLetter(errors)}6)`, 0]);
  });
});

const office = officeSuite();
const withOffice = 'soffice' in office ? it : it.skip;
if (!('soffice' in office)) console.warn(`skipping the LibreOffice test of the summary workbook: ${office.missing}`);

describe('summary in an office suite', () => {
  withOffice('opens in LibreOffice: every sheet converts to CSV, values and totals as written', async () => {
    const results = [...(await batch([7, 8])), failed('坏.docx'), await readBytes(await buildDocx([]), 'empty.docx')];
    const out = await writeSummary('office-summary.xlsx', results);
    const { status, stderr, csv } = sheetsAsCsv((office as { soffice: string }).soffice, out.file, path.join(dir, 'office-summary'));
    expect({ status, stderr: stderr.includes('Error') ? stderr : '' }).toEqual({ status: 0, stderr: '' });
    expect([...csv.keys()].sort()).toEqual(out.wb.worksheets.map((w) => w.name).sort());
    const rows = parseCsv(csv.get(S.summary)!);
    const keys = rows[KEY_ROW - 1];
    const at = (row: string[], key: string) => row[keys.indexOf(key)];
    results.forEach((r, i) => {
      const row = rows[KEY_ROW + i];
      expect(at(row, 'source.file')).toBe(r.file);
      if (!r.ok) return;
      for (const key of ['t3.total.total', 't4.review.total', 'meta.agency']) {
        const v = r.report.fields[key];
        expect([key, at(row, key)]).toEqual([key, v === null || v === undefined || !getFormat(r.report.meta.format).byKey.has(key) ? '' : String(v)]);
      }
    });
    const totals = rows[KEY_ROW + results.length];
    const expected = results.reduce((n, r) => n + (r.ok && typeof r.report.fields['t3.total.total'] === 'number' ? (r.report.fields['t3.total.total'] as number) : 0), 0);
    expect(Number(at(totals, 't3.total.total'))).toBe(expected);
  });
});
