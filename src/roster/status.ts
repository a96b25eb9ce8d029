/**
 * Who reported in a year: every roster body with its status, the report that counts for it (one per
 * body and year), duplicates both listed, and the reports no body could be matched to.
 */
import { NameIndex } from './names';
import {
  BODY_STATUSES,
  type BodyLine,
  type BodyStatus,
  type Roster,
  type RosterBody,
  type RosterOptions,
  type RosterReport,
  type RosterYear,
} from './types';

/** The most common year among the reports (ties: the later year), null when none has a year. */
export function mainYear(reports: readonly RosterReport[]): number | null {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.year !== null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/** Matches the reports of one year to the roster and gives each body its status. */
export function rosterYear(roster: Roster, reports: readonly RosterReport[], options: RosterOptions = {}): RosterYear {
  const year = options.year === undefined ? mainYear(reports) : options.year;
  const index = new NameIndex(roster.bodies.map((b) => b.name));
  const byName = new Map(roster.bodies.map((b, i) => [b.name, i]));
  const matched: RosterReport[][] = roster.bodies.map(() => []);
  const unmatched: RosterReport[] = [];
  for (const r of reports) {
    if (year !== null && r.year !== null && r.year !== year) continue;
    const assigned = options.assign?.[r.id];
    const i = assigned !== undefined ? byName.get(assigned) : index.find(r.agency);
    if (i === undefined || i === null) unmatched.push(r);
    else matched[i].push(r);
  }
  const lines = roster.bodies.map((body, i) => bodyLine(body, matched[i], options.counted?.[body.name]));
  return { year, lines, unmatched, counts: countStatuses(lines) };
}

function bodyLine(body: RosterBody, reports: readonly RosterReport[], chosen: string | undefined): BodyLine {
  const counted = countedReport(reports, chosen);
  const late = !!(counted && body.due && counted.date && counted.date > body.due);
  return { body, status: reportStatus(counted, late), counted, reports, duplicate: reports.length > 1, late };
}

/** The chosen report, else the later one (by date, then by order given). */
export function countedReport(reports: readonly RosterReport[], chosen?: string): RosterReport | null {
  const pick = chosen === undefined ? undefined : reports.find((r) => r.id === chosen);
  if (pick) return pick;
  let best: RosterReport | null = null;
  for (const r of reports) if (!best || (r.date ?? '') >= (best.date ?? '')) best = r;
  return best;
}

/** The status a report gives its body: 有错误 before 逾期 before 已更正 before 已报送 (未报送 for none). */
export function reportStatus(report: RosterReport | null, late: boolean): BodyStatus {
  if (!report) return '未报送';
  if (report.errors > 0) return '有错误';
  if (late) return '逾期';
  if (report.corrections > 0) return '已更正';
  return '已报送';
}

function countStatuses(lines: readonly BodyLine[]): Record<BodyStatus, number> {
  const counts = Object.fromEntries(BODY_STATUSES.map((s) => [s, 0])) as Record<BodyStatus, number>;
  for (const l of lines) counts[l.status]++;
  return counts;
}
