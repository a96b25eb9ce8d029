/**
 * The summary workbook a superior can print, written with exceljs' streaming writer so that a batch
 * of thousands of reports never sits in memory. While files arrive, each report leaves a light
 * entry (summary-entry.ts) and its 明细 row, findings and failures wait in temporary files; at the
 * end, once it is known which report counts for each body and year, the sheets are written in order:
 * 报送情况, 汇总表 (official tables of totals), 问题清单, 明细 (one per format), 跨年核对, 无法读取.
 * Every merge is made before its rows are committed, which is all the streaming writer allows.
 *
 *   const w = new SummaryWriter('output/汇总.xlsx', { roster, title, compiler });
 *   for (…) await w.add(await processPath(file));
 *   await w.finish(crossYear(w.yearRecords()));
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { FileResult } from '../../core/pipeline';
import { getFormat } from '../../formats/model';
import type { FormatVersion } from '../../formats/types';
import type { Report } from '../../report/types';
import { mainYear } from '../../roster/status';
import type { Roster, RosterOptions } from '../../roster/types';
import { yearRecord, type CrossYearResult, type YearRecord } from '../../validate';
import { FAILED_COLUMNS, issueLines, type FailedLine, type IssueLine } from './batch-sheets';
import { correctionFindings } from './corrections';
import { CROSS_YEAR_COLUMNS, crossYearLines } from './cross-year-sheet';
import { detailSheetOptions, writeDetailSheet } from './detail-sheet';
import { drained } from './backpressure';
import { addListRow, finishList, listSheetOptions, startList, type ListColumn } from './list-sheet';
import { PROBLEM_COLUMNS } from './problems-sheet';
import { HEAD_ROWS, writeHead, type PrintHead } from './sheet-head';
import { Spool } from './spool';
import { statusColumns, statusLines } from './status-sheet';
import { xlsxStyle } from './style';
import { countReports, isCounted, type Counting } from './summary-counting';
import { entryRef, summaryEntry, type SummaryEntry } from './summary-entry';
import { sheetHead, summaryTitle, type SummaryHeadOptions } from './summary-head';
import { detailRow, type DetailRow } from './summary-rows';
import { addToTotals, emptyTotals, totalsSheetOptions, writeTotals, type TotalsSet } from './totals-sheet';
import { sheetName } from '../../text/sheet-text';

export interface SummaryOptions extends SummaryHeadOptions {
  /** The bodies that must report: 报送情况 lists every one of them (未报送 included). */
  readonly roster?: Roster;
  /** Manual assignments and which report counts for a body with several. */
  readonly rosterOptions?: RosterOptions;
}

export interface SummaryStats {
  readonly reports: number;
  readonly failed: number;
  readonly findings: number;
  readonly pairs: number;
  /** Reports that count in the totals (one per body and year). */
  readonly counted: number;
  /** Roster bodies that sent nothing (null without a roster). */
  readonly absent: number | null;
}

function writeError(target: string, err: Error): Error {
  return new Error(`无法写入汇总表“${target}”：${err.message}\nCannot write the summary workbook "${target}": ${err.message}`);
}

export class SummaryWriter {
  private readonly partFile: string;
  private readonly out: fs.WriteStream;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly entries: SummaryEntry[] = [];
  private readonly details = new Map<FormatVersion, Spool<DetailRow>>();
  private readonly issues = new Spool<Omit<IssueLine, 'no'>>('issues');
  private readonly failures = new Spool<FailedLine>('failed');
  private readonly records: YearRecord[] = [];
  private readonly ids = new Set<string>();
  private readonly taken = new Set<string>();
  private error: Error | null = null;
  private readonly broken: Promise<never>;
  private done = false;

  constructor(
    readonly target: string,
    private readonly options: SummaryOptions = {},
  ) {
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
    let id = result.file;
    for (let n = 2; this.ids.has(id); n++) id = `${result.file}#${n}`;
    this.ids.add(id);
    const entry = summaryEntry(result, this.entries.length + 1, id);
    this.entries.push(entry);
    if (result.ok) this.keep(result.report, entry);
    else this.failures.push({ no: this.failures.count + 1, file: entry.file, error: result.error });
    await Promise.race([Promise.resolve(), this.broken]);
  }

  private keep(report: Report, entry: SummaryEntry): void {
    const { file, id } = entry;
    // The file as print shows it (the pairs and the sheets name it), not the reader's path.
    this.records.push({ ...yearRecord(report, id), file });
    const { agency, year, format } = report.meta;
    for (const finding of [...report.issues, ...correctionFindings(report)])
      this.issues.push({ file, agency, year, format, finding });
    let spool = this.details.get(format);
    if (!spool) this.details.set(format, (spool = new Spool<DetailRow>(`detail-${format}`)));
    spool.push(detailRow(report, id, file));
  }

  private check(finishing = false): void {
    if (this.error) throw this.error;
    if (this.done && !finishing) throw new Error('SummaryWriter: already finished');
  }

  /** Waits until the zip has taken the rows written so far, or the output failed. */
  private async settle(ws: ExcelJS.Worksheet): Promise<void> {
    await Promise.race([drained(ws), this.broken]);
  }

  /** Writes every sheet and moves the workbook into place. */
  async finish(cross?: CrossYearResult): Promise<SummaryStats> {
    this.check();
    this.done = true;
    try {
      const counting = countReports(this.entries, this.options.roster, this.options.rosterOptions);
      const year = counting.roster?.year ?? mainYear(this.entries.filter((e) => !e.error).map(entryRef));
      const title = summaryTitle(this.options, year);
      const { sheets } = xlsxStyle();
      await this.writeStatus(title, counting);
      const sets = this.totalsSets(counting);
      for (const set of sets) this.writeTotalsSheet(title, set, sets.length > 1);
      const findings = await this.writeList(
        sheets.issueList,
        PROBLEM_COLUMNS,
        issueLines(this.issues.items(), cross, this.records),
        this.head(title, sheets.issueList),
      );
      for (const [version, spool] of this.details) await this.writeDetail(title, version, spool, counting);
      await this.writeList(
        sheets.crossYear,
        CROSS_YEAR_COLUMNS,
        crossYearLines(cross, this.records),
        this.head(title, sheets.crossYear),
      );
      await this.writeList(sheets.failed, FAILED_COLUMNS, this.failures.items(), this.head(title, sheets.failed));
      await Promise.race([this.wb.commit(), this.broken]);
      this.check(true);
      fs.renameSync(this.partFile, this.target);
      const failed = this.failures.count;
      const counted = this.entries.filter((e) => isCounted(counting, e.id)).length;
      const absent = counting.roster ? counting.roster.counts['未报送'] : null;
      return { reports: this.entries.length - failed, failed, findings, pairs: cross?.pairs.length ?? 0, counted, absent };
    } catch (err) {
      this.cleanUp();
      throw err;
    } finally {
      this.removeSpools();
    }
  }

  /** Gives up: the partial file is removed and the target left untouched. */
  async abort(): Promise<void> {
    this.done = true;
    this.removeSpools();
    this.out.destroy();
    this.cleanUp();
  }

  private removeSpools(): void {
    this.issues.remove();
    this.failures.remove();
    for (const spool of this.details.values()) spool.remove();
  }

  private cleanUp(): void {
    fs.rmSync(this.partFile, { force: true });
  }

  private head(title: string, subject: string | null, extra: readonly string[] = []): PrintHead {
    return sheetHead(this.options, title, subject, extra);
  }

  private addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
    const unique = sheetName(name, this.taken);
    this.taken.add(unique);
    return this.wb.addWorksheet(unique, options);
  }

  private async writeStatus(title: string, counting: Counting): Promise<void> {
    const { sheets } = xlsxStyle();
    const roster = counting.roster;
    const extra = roster
      ? [`名单：${this.options.roster!.source}，应报送 ${roster.lines.length} 个单位，未报送 ${roster.counts['未报送']} 个`]
      : [`共 ${this.entries.length} 个文件`];
    await this.writeList(
      sheets.status,
      statusColumns(),
      statusLines(this.entries, counting),
      this.head(title, sheets.status, extra),
    );
  }

  /** The totals of each format and year over the reports that count, in order of year. */
  private totalsSets(counting: Counting): TotalsSet[] {
    const sets = new Map<string, TotalsSet & { reports: number }>();
    for (const e of this.entries) {
      if (!e.numbers || !e.format || !isCounted(counting, e.id)) continue;
      const key = `${e.year ?? ''}|${e.format}`;
      if (!sets.has(key)) sets.set(key, emptyTotals(e.format, e.year));
      addToTotals(sets.get(key)!, e.numbers);
    }
    return [...sets.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.format.localeCompare(b.format));
  }

  private writeTotalsSheet(title: string, set: TotalsSet, several: boolean): void {
    const format = getFormat(set.format);
    const subject = several ? `${set.year ?? '年度不明'}年度，${set.format}版格式` : null;
    const name = several ? `${xlsxStyle().sheets.totals} ${set.year ?? ''} ${set.format}版` : xlsxStyle().sheets.totals;
    const ws = this.addSheet(name, totalsSheetOptions(format));
    const scope = `汇总范围：${set.reports} 份报告（每个单位每年度计一份）`;
    writeTotals(ws, set, this.head(title, subject, [scope]));
    ws.commit();
  }

  private async writeDetail(title: string, version: FormatVersion, spool: Spool<DetailRow>, counting: Counting): Promise<void> {
    const { detail } = xlsxStyle().sheets;
    const ws = this.addSheet(this.details.size > 1 ? `${detail} ${version}版` : detail, detailSheetOptions());
    const rows = async function* (check: () => void) {
      for await (const row of spool.items()) {
        check();
        yield row;
      }
    };
    const head = this.head(title, `${detail}，${version}版格式`);
    await writeDetailSheet(
      ws,
      version,
      rows(() => this.check(true)),
      head,
      (id) => isCounted(counting, id),
      () => this.settle(ws),
    );
  }

  private async writeList<T>(
    name: string,
    columns: readonly ListColumn<T>[],
    items: AsyncIterable<T> | Iterable<T>,
    head: PrintHead,
  ): Promise<number> {
    const top = HEAD_ROWS + 1;
    const ws = this.addSheet(name, listSheetOptions(columns, top));
    // A streaming sheet writes its column widths with its first row: set them before the head.
    ws.columns = columns.map((c) => ({ width: c.width, hidden: !!c.hidden }));
    writeHead(ws, columns.filter((c) => !c.hidden).length, head);
    startList(ws, columns, top);
    let n = 0;
    for await (const item of items) {
      this.check(true);
      addListRow(ws, columns, ++n, item, top);
      if (n % 50 === 0) await this.settle(ws);
    }
    finishList(ws, columns, n, top);
    ws.commit();
    return n;
  }
}
