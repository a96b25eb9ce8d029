/**
 * Validation entry points. Every rule of docs/RULES.md lives in its own module under validate/ and
 * is listed here; each returns findings that carry the rule id and the field keys concerned.
 * Severities and titles come from templates/rules.json (catalogue.ts).
 */
import { bySeverity } from '../report/findings';
import type { Finding, Report } from '../report/types';
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
import type { CrossYearResult, YearRecord } from './year-record';

export { ruleCatalogue, ruleInfo, type RuleInfo } from './catalogue';
export { agencyKey } from './agency';
export { yearRecord } from './record';
export type { CrossYearPair, CrossYearResult, UnpairedRecord, YearRecord } from './year-record';

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

/**
 * Pairs reports of the same agency (normalised name, see agency.ts) in consecutive years and
 * checks the cross-year rules on each pair.
 */
export function crossYear(records: readonly YearRecord[]): CrossYearResult {
  return pairAndCheck(records);
}
