/**
 * Validation entry points. Every rule of docs/RULES.md lives in its own module under validate/ and
 * is listed here; each returns findings that carry the rule id and the field keys concerned.
 */
import type { FormatVersion } from '../formats/types';
import type { FieldValue, Finding, Report } from '../report/types';

export type ReportRule = (report: Report) => Finding[];

const REPORT_RULES: ReportRule[] = [];

/** The findings of every single-report rule. */
export function validateReport(report: Report): Finding[] {
  return REPORT_RULES.flatMap((rule) => rule(report));
}

/** A report as the cross-year rules need it: light enough to keep thousands in memory. */
export interface YearRecord {
  /** Unique within the batch (e.g. the file path). */
  readonly id: string;
  readonly file: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: FormatVersion;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface CrossYearPair {
  /** The normalised agency name the two reports were paired by. */
  readonly agencyKey: string;
  readonly earlier: Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;
  readonly later: Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'>;
  /** Cross-year findings (CROSS_YEAR_CARRY, CROSS_YEAR_IN_FORCE, YOY_JUMP) of the later report. */
  readonly findings: readonly Finding[];
}

export interface CrossYearResult {
  readonly pairs: readonly CrossYearPair[];
  /** Findings by YearRecord id. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** Pairs reports of the same agency in consecutive years and checks the cross-year rules. */
export function crossYear(_records: readonly YearRecord[]): CrossYearResult {
  return { pairs: [], findings: new Map() };
}
