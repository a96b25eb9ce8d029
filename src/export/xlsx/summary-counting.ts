/**
 * Which reports a summary counts: one per body and year. With a roster, reports are matched to its
 * bodies (roster/); the others, and every report when there is no roster, are grouped by body name
 * as bodyKey compares them. Of several reports of one body and year (重复报送) the chosen one counts,
 * by default the later one; the others are listed but never added to a total.
 */
import { bodyKey } from '../../roster/names';
import { countedReport, rosterYear } from '../../roster/status';
import type { Roster, RosterOptions, RosterReport, RosterYear } from '../../roster/types';
import { entryRef, type SummaryEntry } from './summary-entry';

export interface Group {
  /** The report that counts. */
  readonly counted: string;
  /** Every report of the body and year (more than one: 重复报送). */
  readonly ids: readonly string[];
}

export interface Counting {
  /** The roster's view of the year, when there is a roster. */
  readonly roster: RosterYear | null;
  /** Report id → its group. */
  readonly groupOf: ReadonlyMap<string, Group>;
}

export function isCounted(counting: Counting, id: string): boolean {
  return counting.groupOf.get(id)?.counted === id;
}

function groupKey(r: RosterReport): string {
  const key = r.agency ? bodyKey(r.agency) : '';
  return key ? `name:${key}|${r.year ?? ''}` : `id:${r.id}`;
}

function addGroup(out: Map<string, Group>, reports: readonly RosterReport[], chosen: string | undefined): void {
  const counted = countedReport(reports, chosen);
  if (!counted) return;
  const group = { counted: counted.id, ids: reports.map((r) => r.id) };
  for (const r of reports) out.set(r.id, group);
}

export function countReports(entries: readonly SummaryEntry[], roster?: Roster, options: RosterOptions = {}): Counting {
  const refs = entries.filter((e) => !e.error).map(entryRef);
  const groupOf = new Map<string, Group>();
  const year = roster ? rosterYear(roster, refs, options) : null;
  for (const line of year?.lines ?? []) addGroup(groupOf, line.reports, options.counted?.[line.body.name]);
  const rest = new Map<string, RosterReport[]>();
  for (const r of refs) {
    if (groupOf.has(r.id)) continue;
    const key = groupKey(r);
    rest.set(key, [...(rest.get(key) ?? []), r]);
  }
  for (const reports of rest.values())
    addGroup(groupOf, reports, reports[0].agency ? options.counted?.[reports[0].agency] : undefined);
  return { roster: year, groupOf };
}
