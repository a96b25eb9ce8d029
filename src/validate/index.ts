/**
 * Validation entry points. Every rule of RULES.md lives in its own module under validate/ and is
 * listed here; each returns findings that carry the rule id and the field keys concerned.
 */
import type { Finding, Report } from '../report/types';

export type ReportRule = (report: Report) => Finding[];

const REPORT_RULES: ReportRule[] = [];

/** The findings of every single-report rule. */
export function validateReport(report: Report): Finding[] {
  return REPORT_RULES.flatMap((rule) => rule(report));
}
