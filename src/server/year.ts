/**
 * The year view of the page: who of a year's roster (名单) has reported, by the roster module
 * (src/roster) over the reports of the workspace. A roster is kept per year in the workspace
 * (roster-<year>.json) with the clerk's manual assignments of reports to roster bodies; it comes
 * from an uploaded .xlsx/.csv or from the previous year's reporters in the workspace.
 */
import {
  readRoster,
  RosterError,
  rosterFromReports,
  rosterYear,
  type Roster,
  type RosterReport,
  type RosterYear,
} from '../roster';
import type { Entry } from './entry';
import { HttpError } from './errors';
import type { ReportStore } from './store';

export interface StoredRoster {
  readonly roster: Roster;
  /** Report id → roster body name, set by hand. */
  readonly assign: Readonly<Record<string, string>>;
}

export interface YearView {
  readonly year: number | null;
  /** Years of the reports in the workspace, newest first. */
  readonly years: readonly number[];
  readonly roster: { readonly source: string; readonly bodies: number } | null;
  readonly view: RosterYear | null;
  /** The reports of the year (those without a roster too), for names and links. */
  readonly reports: readonly { id: string; name: string; agency: string | null }[];
}

const fileOf = (year: number) => `roster-${year}.json`;

export function rosterError(err: unknown): HttpError | undefined {
  if (!(err instanceof RosterError)) return undefined;
  const [zh, en] = err.message.split('\n');
  return new HttpError(400, `ROSTER_${err.code}`, zh, en ?? zh);
}

function rosterReportOf(store: ReportStore, entry: Entry): RosterReport {
  const s = store.summary(entry);
  return {
    id: s.id,
    agency: s.agency,
    year: s.year,
    date: entry.info?.publishDate ?? null,
    errors: s.errors,
    warnings: s.warnings,
    corrections: s.edited,
  };
}

function counted(store: ReportStore): RosterReport[] {
  return store
    .list()
    .filter((e) => e.info)
    .map((e) => rosterReportOf(store, e));
}

/** For a body with several reports, the one the clerk chose last counts (the roster's default otherwise). */
function chosen(store: ReportStore, view: RosterYear): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of view.lines) {
    if (line.reports.length < 2) continue;
    const picks = line.reports
      .map((r) => store.get(r.id))
      .filter((e) => e?.record.chosenAt)
      .sort((a, b) => b!.record.chosenAt!.localeCompare(a!.record.chosenAt!));
    if (picks[0]) out[line.body.name] = picks[0].record.id;
  }
  return out;
}

export async function yearView(store: ReportStore, year: number | null): Promise<YearView> {
  const reports = counted(store);
  const years = [...new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
  const shown = year ?? years[0] ?? null;
  const stored = shown === null ? undefined : await storedRoster(store, shown);
  const ofYear = reports.filter((r) => r.year === shown);
  let view: RosterYear | null = null;
  if (stored) {
    const first = rosterYear(stored.roster, ofYear, { year: shown, assign: stored.assign });
    view = rosterYear(stored.roster, ofYear, { year: shown, assign: stored.assign, counted: chosen(store, first) });
  }
  return {
    year: shown,
    years,
    roster: stored ? { source: stored.roster.source, bodies: stored.roster.bodies.length } : null,
    view,
    reports: ofYear.map((r) => ({ id: r.id, name: store.get(r.id)!.record.name, agency: r.agency })),
  };
}

/** The roster of a year and its manual assignments, if one was imported. */
export function storedRoster(store: ReportStore, year: number): Promise<StoredRoster | undefined> {
  return store.workspace.readExtra<StoredRoster>(fileOf(year));
}

export async function importRoster(store: ReportStore, year: number, bytes: Uint8Array, name: string): Promise<void> {
  const roster = await readRoster(bytes, name);
  await store.workspace.saveExtra(fileOf(year), { roster, assign: {} } satisfies StoredRoster);
}

/** The bodies that reported for the year before, as this year's roster. */
export async function rosterFromLastYear(store: ReportStore, year: number): Promise<boolean> {
  const last = counted(store).filter((r) => r.year === year - 1);
  if (!last.length) return false;
  const roster = rosterFromReports(last, `${year - 1}年度报送单位`);
  await store.workspace.saveExtra(fileOf(year), { roster, assign: {} } satisfies StoredRoster);
  return true;
}

/** Assigns a report to a roster body by hand (null: back to matching by name). */
export async function assignReport(store: ReportStore, year: number, reportId: string, body: string | null): Promise<boolean> {
  const stored = await storedRoster(store, year);
  if (!stored || (body !== null && !stored.roster.bodies.some((b) => b.name === body))) return false;
  const assign = { ...stored.assign };
  if (body === null) delete assign[reportId];
  else assign[reportId] = body;
  await store.workspace.saveExtra(fileOf(year), { roster: stored.roster, assign } satisfies StoredRoster);
  return true;
}
