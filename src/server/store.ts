/**
 * The reports of one server run, in memory: each upload's FileResult as read, the report as the
 * clerk corrected it, and the cross-year pairs of everything loaded. Every view and every download
 * reads the corrected report from here, so they all agree. The number of entries is capped
 * (SERVER_LIMITS.maxReports); at the cap new files are refused with a message, never evicted,
 * because evicting would silently lose a clerk's corrections.
 */
import { randomUUID } from 'node:crypto';
import type { FileError, FileResult } from '../core/pipeline';
import type { Finding, Report } from '../report/types';
import { editableText, editReport } from '../report/edit';
import { countBySeverity } from '../report/findings';
import { crossYear, yearRecord, type CrossYearResult } from '../validate';
import { SERVER_LIMITS } from './limits';

export interface Entry {
  readonly id: string;
  /** Upload order, so lists and the summary keep the order the clerk dropped the files in. */
  readonly seq: number;
  readonly name: string;
  readonly size: number;
  readonly error?: FileError;
  /** The report as corrected (the recognised one until the first edit). */
  report?: Report;
  /** Text each edited cell or meta field had when read, by key. */
  readonly edits: Map<string, string>;
}

export type EntryState = 'ok' | 'errors' | 'failed';

export interface EntrySummary {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly size: number;
  readonly state: EntryState;
  readonly errors: number;
  readonly warnings: number;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: string | null;
  readonly edited: number;
  readonly error?: FileError;
}

export class ReportStore {
  private readonly entries = new Map<string, Entry>();
  /** Files being read that already hold a place under the cap. */
  private pending = 0;
  private seq = 0;
  private crossCache: { version: number; result: CrossYearResult } | undefined;
  private version = 0;

  constructor(readonly capacity: number = SERVER_LIMITS.maxReports) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Reserves room for one file before it is read, so concurrent uploads cannot pass the cap
   * together. The ticket is the file's place in upload order (files are read in parallel and
   * finish in any order). null when the store is full.
   */
  reserve(): number | null {
    if (this.entries.size + this.pending >= this.capacity) return null;
    this.pending++;
    return this.seq++;
  }

  /** Adds a read file (its reservation is used up). */
  add(ticket: number, result: FileResult, name: string, size: number): Entry {
    this.pending = Math.max(0, this.pending - 1);
    const id = randomUUID();
    const entry: Entry = result.ok
      ? { id, seq: ticket, name, size, report: result.report, edits: new Map() }
      : { id, seq: ticket, name, size, error: result.error, edits: new Map() };
    this.entries.set(id, entry);
    this.version++;
    return entry;
  }

  /** Gives back a reservation that was not used (the request failed before the file was read). */
  release(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** Entries in upload order. */
  list(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq);
  }

  remove(id: string): boolean {
    const gone = this.entries.delete(id);
    if (gone) this.version++;
    return gone;
  }

  clear(): void {
    this.entries.clear();
    this.version++;
  }

  /** Sets one cell or meta field of a report to the text the clerk typed; the report is re-checked. */
  edit(entry: Entry, key: string, raw: string): Report {
    const report = entry.report!;
    const before = editableText(report, key);
    entry.report = editReport(report, key, raw);
    if (!entry.edits.has(key)) entry.edits.set(key, before);
    if (entry.edits.get(key) === editableText(entry.report, key)) entry.edits.delete(key);
    this.version++;
    return entry.report;
  }

  /** Cross-year pairs and findings of everything loaded, recomputed only after a change. */
  crossYear(): CrossYearResult {
    if (this.crossCache?.version !== this.version) {
      const records = this.list().flatMap((e) => (e.report ? [yearRecord(e.report, e.id)] : []));
      this.crossCache = { version: this.version, result: crossYear(records) };
    }
    return this.crossCache.result;
  }

  /** The report as every view and download shows it: its own findings plus its cross-year findings. */
  current(entry: Entry): Report | undefined {
    if (!entry.report) return undefined;
    const cross = this.crossYear().findings.get(entry.id) ?? [];
    return cross.length ? { ...entry.report, issues: [...entry.report.issues, ...cross] } : entry.report;
  }

  summary(entry: Entry): EntrySummary {
    const report = this.current(entry);
    const issues: readonly Finding[] = report?.issues ?? [];
    const { error: errors, warning: warnings } = countBySeverity(issues);
    return {
      id: entry.id,
      seq: entry.seq,
      name: entry.name,
      size: entry.size,
      state: !report ? 'failed' : errors ? 'errors' : 'ok',
      errors,
      warnings,
      agency: report?.meta.agency ?? null,
      year: report?.meta.year ?? null,
      format: report?.meta.format ?? null,
      edited: entry.edits.size,
      ...(entry.error ? { error: entry.error } : {}),
    };
  }
}
