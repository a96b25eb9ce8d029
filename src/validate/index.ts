/**
 * Validation entry points. Every rule of docs/RULES.md lives in its own module under validate/ and
 * is listed here; each returns findings that carry the rule id and the field keys concerned.
 * Severities and titles come from templates/rules.json (catalogue.ts).
 */
import type { FormatVersion } from '../formats/types';
import { bySeverity } from '../report/findings';
import type { FieldValue, Finding, Report } from '../report/types';
import { finding } from './catalogue';
import { cellFindings } from './cells';
import { pairAndCheck } from './cross-year';
import { deadlineFindings } from './deadline';
import { formatVersionFindings } from './format-version';
import { narrativeFindings } from './narrative';
import { sectionFindings } from './sections';
import { sumFindings } from './sums';
import { tableMissingFindings } from './tables';
import { titleFindings } from './title';

export { ruleCatalogue, ruleInfo, type RuleInfo } from './catalogue';
export { agencyKey } from './agency';
export { yearRecord } from './record';

export type ReportRule = (report: Report) => Finding[];

const REPORT_RULES: ReportRule[] = [
  tableMissingFindings, // TABLE_MISSING
  formatVersionFindings, // FORMAT_VERSION
  sumFindings, // T3_BALANCE, T3_ROW_TOTAL, T3_RESULT_TOTAL, T4_TOTAL (format `sums`)
  cellFindings, // BLANK_CELL, NON_NUMERIC, NEGATIVE
  sectionFindings, // SECTION_MISSING, SECTION_HEADING, SECTION_EMPTY
  titleFindings, // TITLE
  deadlineFindings, // PUBLISH_DEADLINE
  narrativeFindings, // TEXT_TABLE_MISMATCH
];

/** One rule that fails on an odd report (e.g. an edited one) must not take the others down with it. */
function runRule(rule: ReportRule, report: Report): Finding[] {
  try {
    return rule(report);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [finding('RULE_FAILED', `核对规则 ${rule.name} 未能执行（${why.slice(0, 120)}），其结果缺失`)];
  }
}

/** The findings of every single-report rule, errors first. */
export function validateReport(report: Report): Finding[] {
  const findings = REPORT_RULES.flatMap((rule) => runRule(rule, report));
  return findings.sort(bySeverity);
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

/** A report that could not take part in a pair for a reason worth telling (a lone year is not one). */
export interface UnpairedRecord extends Pick<YearRecord, 'id' | 'file' | 'agency' | 'year'> {
  readonly reason: 'no-agency' | 'no-year' | 'duplicate';
  /** Chinese explanation for the user. */
  readonly note: string;
}

export interface CrossYearResult {
  readonly pairs: readonly CrossYearPair[];
  /** Findings by YearRecord id. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Reports left out of pairing: no agency name, no year, or several differing reports of one agency and year. */
  readonly unpaired: readonly UnpairedRecord[];
}

/**
 * Pairs reports of the same agency (normalised name, see agency.ts) in consecutive years and
 * checks the cross-year rules on each pair.
 */
export function crossYear(records: readonly YearRecord[]): CrossYearResult {
  return pairAndCheck(records);
}
