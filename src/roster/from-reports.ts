/** The light record the roster needs of a Report, and a roster taken from last year's reporters. */
import type { Report } from '../report/types';
import { cleanText } from '../text/normalise';
import { bodyKey } from './names';
import type { Roster, RosterBody, RosterReport } from './types';

/** How many of a report's cells carry a clerk's correction. */
export function correctionCount(report: Report): number {
  let n = 0;
  for (const cell of Object.values(report.cells)) if (cell.corrected) n++;
  return n;
}

/** A report as the roster sees it; `date` defaults to the publication date. */
export function rosterReport(id: string, report: Report, date: string | null = report.meta.publishDate): RosterReport {
  let errors = 0;
  let warnings = 0;
  for (const f of report.issues) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const agency = report.meta.agency ?? report.meta.issuer;
  return {
    id,
    agency: agency ? cleanText(agency) : null,
    year: report.meta.year,
    date,
    errors,
    warnings,
    corrections: correctionCount(report),
  };
}

/**
 * Last year's reporters as this year's roster: one body per name as bodyKey compares them (first
 * spelling kept), in the order given, no category or due date. Reports without a body name are left out.
 */
export function rosterFromReports(reports: readonly RosterReport[], source: string): Roster {
  const seen = new Set<string>();
  const bodies: RosterBody[] = [];
  for (const r of reports) {
    const key = r.agency ? bodyKey(r.agency) : '';
    if (!r.agency || !key || seen.has(key)) continue;
    seen.add(key);
    bodies.push({ name: r.agency, category: null, due: null });
  }
  return { source, bodies };
}
