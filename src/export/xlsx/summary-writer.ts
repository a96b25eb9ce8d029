/**
 * The batch summary workbook, written as results arrive with exceljs' streaming writer so that a
 * batch of thousands of reports never sits in memory: each file's row is committed at once, the
 * findings and failures wait in temporary files until their sheets are written, and only the light
 * YearRecords stay for the cross-year check.
 *
 *   const w = new SummaryWriter('output/汇总.xlsx');
 *   for (…) await w.add(await processPath(file));
 *   await w.finish(crossYear(w.yearRecords()));
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileResult } from '../../core/pipeline';
import type { Report } from '../../report/types';
import { yearRecord, type CrossYearResult, type YearRecord } from '../../validate';
import { FAILED_COLUMNS, ISSUE_LIST_COLUMNS, type FailedLine, type IssueLine } from './batch-sheets';
import { CROSS_YEAR_COLUMNS, pairLines, unpairedLine, type CrossYearLine } from './cross-year-sheet';
import { severityFill } from './findings';
import { drained } from './backpressure';
import { addListRow, finishList, listSheetOptions, startList, type ListColumn } from './list-sheet';
import { font, pageSetup, solid, thinBorders } from './look';
import { Spool } from './spool';
import { xlsxStyle } from './style';
import { summaryColumns, type SummaryColumn } from './summary-columns';
import { KEY_ROW, writeSummaryHeader } from './summary-header';
import { summed, totalsLabel, writeFileRow } from './summary-rows';
import { sheetName } from './text';

export interface SummaryStats {
  readonly reports: number;
  readonly failed: number;
  readonly findings: number;
  readonly pairs: number;
}

function writeError(target: string, err: Error): Error {
  return new Error(`无法写入汇总表“${target}”：${err.message}\nCannot write the summary workbook "${target}": ${err.message}`);
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export class SummaryWriter {
  private readonly columns: SummaryColumn[] = summaryColumns();
  private readonly partFile: string;
  private readonly out: fs.WriteStream;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly main: ExcelJS.Worksheet;
  private readonly totals = new Map<number, number>();
  private readonly issues = new Spool<IssueLine>('issues');
  private readonly failures = new Spool<FailedLine>('failed');
  private readonly records: YearRecord[] = [];
  private readonly ids = new Set<string>();
  private error: Error | null = null;
  private readonly broken: Promise<never>;
  private rows = 0;
  private done = false;

  constructor(readonly target: string) {
    this.partFile = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
    this.out = fs.createWriteStream(this.partFile);
    // A write error (folder gone, disk full) surfaces in add()/finish() as a clear error, never as
    // a crash, and never as a wait for a zip that cannot finish.
    this.broken = new Promise<never>((_, reject) => {
      this.out.on('error', (err) => {
        this.error ??= writeError(target, err);
        reject(this.error);
      });
    });
    this.broken.catch(() => undefined);
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false });
    this.wb.creator = '年报通';
    const { sheets, summary } = xlsxStyle();
    this.main = this.wb.addWorksheet(sheetName(sheets.summary), {
      views: [{ state: 'frozen', xSplit: summary.frozenColumns, ySplit: KEY_ROW }],
      pageSetup: pageSetup(Number.POSITIVE_INFINITY, { titleRows: `1:${KEY_ROW}`, titleColumns: `A:${columnLetter(summary.frozenColumns)}`, fit: false }),
    });
    this.main.columns = this.columns.map((c) => ({ width: Math.round(c.width * 10) / 10 }));
    writeSummaryHeader(this.main, this.columns);
  }

  /** The error that stopped writing (bilingual, naming the target), if any. */
  get failure(): Error | null {
    return this.error;
  }

  /** The records kept for the cross-year rules, one per report read. */
  yearRecords(): readonly YearRecord[] {
    return this.records;
  }

  async add(result: FileResult): Promise<void> {
    this.check();
    const no = ++this.rows;
    const numbers = writeFileRow(this.main, this.columns, KEY_ROW + no, no, result);
    for (const [i, v] of numbers) if (summed(this.columns[i])) this.totals.set(i, (this.totals.get(i) ?? 0) + v);
    if (result.ok) this.keep(result.report, result.file);
    else this.failures.push({ no: this.failures.count + 1, file: result.file, error: result.error });
    await this.settle(this.main);
  }

  private keep(report: Report, file: string): void {
    let id = file;
    for (let n = 2; this.ids.has(id); n++) id = `${file}#${n}`;
    this.ids.add(id);
    // The file as this batch names it (the pairs and the sheets show it), not the reader's.
    this.records.push({ ...yearRecord(report, id), file });
    const { agency, year, format } = report.meta;
    for (const finding of report.issues) this.issues.push({ no: this.issues.count + 1, file, agency, year, format, finding });
  }

  private check(finishing = false): void {
    if (this.error) throw this.error;
    if (this.done && !finishing) throw new Error('SummaryWriter: already finished');
  }

  /** Waits until the zip has taken the rows written so far, or the output failed. */
  private async settle(ws: ExcelJS.Worksheet): Promise<void> {
    await Promise.race([drained(ws), this.broken]);
  }

  /** Writes the totals and the other sheets and moves the workbook into place. */
  async finish(cross?: CrossYearResult): Promise<SummaryStats> {
    this.check();
    this.done = true;
    try {
      this.writeTotals();
      const findings = await this.writeIssueList(cross);
      await this.writeList(xlsxStyle().sheets.crossYear, CROSS_YEAR_COLUMNS, this.crossYearLines(cross), (l) => l.severity && severityFill(l.severity), CROSS_YEAR_COLUMNS.findIndex((c) => c.header === '结果'));
      await this.writeList(xlsxStyle().sheets.failed, FAILED_COLUMNS, this.failures.items());
      await Promise.race([this.wb.commit(), this.broken]);
      this.check(true);
      fs.renameSync(this.partFile, this.target);
      return { reports: this.rows - this.failures.count, failed: this.failures.count, findings, pairs: cross?.pairs.length ?? 0 };
    } catch (err) {
      this.cleanUp();
      throw err;
    } finally {
      this.issues.remove();
      this.failures.remove();
    }
  }

  /** Gives up: the partial file is removed and the target left untouched. */
  async abort(): Promise<void> {
    this.done = true;
    this.issues.remove();
    this.failures.remove();
    this.out.destroy();
    this.cleanUp();
  }

  private cleanUp(): void {
    fs.rmSync(this.partFile, { force: true });
  }

  private writeTotals(): void {
    const first = KEY_ROW + 1;
    const last = KEY_ROW + this.rows;
    const row = this.main.getRow(last + 1);
    this.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.font = font('header');
      cell.fill = solid(xlsxStyle().totalsFill);
      cell.border = thinBorders();
      if (column.key === 'source.file') cell.value = totalsLabel();
      if (!summed(column)) return;
      const letter = columnLetter(i + 1);
      // Sum of what was written, rounded off float noise: the cached result Excel shows before recalculating.
      const result = Math.round((this.totals.get(i) ?? 0) * 1e6) / 1e6;
      cell.value = this.rows ? { formula: `SUM(${letter}${first}:${letter}${last})`, result } : 0;
      cell.numFmt = column.role === 'count' ? xlsxStyle().numberFormats.int : column.type === 'decimal' ? xlsxStyle().numberFormats.decimal : xlsxStyle().numberFormats.int;
    });
    row.commit();
    this.main.autoFilter = { from: { row: KEY_ROW, column: 1 }, to: { row: Math.max(KEY_ROW, last), column: this.columns.length } };
    this.main.commit();
  }

  private async writeIssueList(cross: CrossYearResult | undefined): Promise<number> {
    const byId = new Map(this.records.map((r) => [r.id, r]));
    const self = this;
    async function* all(): AsyncGenerator<IssueLine> {
      let no = 0;
      for await (const line of self.issues.items()) yield { ...line, no: ++no };
      for (const [id, findings] of cross?.findings ?? []) {
        const r = byId.get(id);
        for (const finding of findings) yield { no: ++no, file: r?.file ?? id, agency: r?.agency ?? null, year: r?.year ?? null, format: r?.format ?? '', finding };
      }
    }
    return this.writeList(xlsxStyle().sheets.issueList, ISSUE_LIST_COLUMNS, all(), (l) => severityFill(l.finding.severity), 4);
  }

  private *crossYearLines(cross: CrossYearResult | undefined): Generator<CrossYearLine> {
    const records = new Map(this.records.map((r) => [r.id, r]));
    const pairs = cross?.pairs ?? [];
    for (const [i, pair] of pairs.entries()) yield* pairLines(pair, i + 1, records);
    for (const [i, u] of (cross?.unpaired ?? []).entries()) yield unpairedLine(u, pairs.length + i + 1);
  }

  private async writeList<T>(name: string, columns: readonly ListColumn<T>[], items: AsyncIterable<T> | Iterable<T>, fill?: (item: T) => string | undefined, fillColumn = 0): Promise<number> {
    const ws = this.wb.addWorksheet(sheetName(name), listSheetOptions(columns));
    startList(ws, columns);
    let n = 0;
    for await (const item of items) {
      this.check(true);
      const colour = fill?.(item);
      addListRow(ws, columns, ++n, item, colour ? new Map([[fillColumn, colour]]) : undefined);
      if (n % 50 === 0) await this.settle(ws);
    }
    finishList(ws, columns, n);
    ws.commit();
    return n;
  }
}
