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
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileResult } from '../../core/pipeline';
import type { Report } from '../../report/types';
import { yearRecord, type CrossYearResult, type YearRecord } from '../../validate';
import { FAILED_COLUMNS, ISSUE_LIST_COLUMNS, issueLines, type FailedLine, type IssueLine } from './batch-sheets';
import { CROSS_YEAR_COLUMNS, crossYearLines } from './cross-year-sheet';
import { drained } from './backpressure';
import { addListRow, finishList, listSheetOptions, startList, type ListColumn } from './list-sheet';
import { pageSetup } from './look';
import { Spool } from './spool';
import { xlsxStyle } from './style';
import { summaryColumns, type SummaryColumn } from './summary-columns';
import { KEY_ROW, writeSummaryHeader } from './summary-header';
import { columnLetter, summed, writeFileRow, writeTotalsRow } from './summary-rows';
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

export class SummaryWriter {
  private readonly columns: SummaryColumn[] = summaryColumns();
  private readonly partFile: string;
  private readonly out: fs.WriteStream;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly main: ExcelJS.Worksheet;
  private readonly totals = new Map<number, number>();
  private readonly issues = new Spool<Omit<IssueLine, 'no'>>('issues');
  private readonly failures = new Spool<FailedLine>('failed');
  private readonly records: YearRecord[] = [];
  private readonly ids = new Set<string>();
  private error: Error | null = null;
  private readonly broken: Promise<never>;
  private rows = 0;
  private done = false;

  constructor(readonly target: string) {
    // Written beside the target and renamed at the end: a crash never leaves a half workbook under its name.
    this.partFile = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.part`);
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
    for (const finding of report.issues) this.issues.push({ file, agency, year, format, finding });
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
      const { sheets } = xlsxStyle();
      const findings = await this.writeList(sheets.issueList, ISSUE_LIST_COLUMNS, issueLines(this.issues.items(), cross, this.records));
      await this.writeList(sheets.crossYear, CROSS_YEAR_COLUMNS, crossYearLines(cross, this.records));
      await this.writeList(sheets.failed, FAILED_COLUMNS, this.failures.items());
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
    const last = KEY_ROW + this.rows;
    writeTotalsRow(this.main, this.columns, KEY_ROW + 1, last, this.totals);
    this.main.autoFilter = { from: { row: KEY_ROW, column: 1 }, to: { row: Math.max(KEY_ROW, last), column: this.columns.length } };
    this.main.commit();
  }

  private async writeList<T>(name: string, columns: readonly ListColumn<T>[], items: AsyncIterable<T> | Iterable<T>): Promise<number> {
    const ws = this.wb.addWorksheet(sheetName(name), listSheetOptions(columns));
    startList(ws, columns);
    let n = 0;
    for await (const item of items) {
      this.check(true);
      addListRow(ws, columns, ++n, item);
      if (n % 50 === 0) await this.settle(ws);
    }
    finishList(ws, columns, n);
    ws.commit();
    return n;
  }
}
