/**
 * What the page needs to draw reports, taken from the format descriptions and the rule catalogue:
 * the official layout of every part (cells with merges and the key of each value cell), where each
 * field is in the printed table, and the Chinese title of every rule. The page holds no table
 * layout of its own.
 */
import { partLayout, type LayoutTable } from '../formats/layout';
import { FORMAT_VERSIONS, getFormat } from '../formats/model';
import type { FormatVersion } from '../formats/types';
import { ruleCatalogue } from '../validate/catalogue';
import { downloadKinds } from './downloads';
import { SERVER_LIMITS } from './limits';
import type { EntrySummary, ReportStore } from './store';
import type { UploadAnswer } from './uploads';
import type { Finding, Report, SectionBlock, TableBlock } from '../report/types';
import { keyFigures, type KeyFigure } from './report-info';
import type { JournalChange, JournalEntry } from '../workspace/journal';
import type { YearView } from './year';

export interface PagePart {
  readonly id: string;
  readonly no: string;
  readonly title: string;
  readonly layout: LayoutTable;
}

export interface PageField {
  readonly where: string;
  readonly unit?: string;
  readonly type: string;
  readonly signed: boolean;
}

export interface PageFormat {
  readonly version: FormatVersion;
  readonly notice: string;
  readonly parts: readonly PagePart[];
  readonly fields: Readonly<Record<string, PageField>>;
  readonly sections: readonly { no: number; heading: string }[];
}

function pageFormat(version: FormatVersion): PageFormat {
  const format = getFormat(version);
  const fields: Record<string, PageField> = {};
  for (const f of format.fields) fields[f.key] = { where: f.where, unit: f.unit, type: f.type, signed: f.signed };
  return {
    version,
    notice: format.spec.notice,
    parts: format.spec.parts.map((p) => ({ id: p.id, no: p.no, title: p.title, layout: partLayout(format, p.id) })),
    fields,
    sections: format.spec.sections.map((s) => ({ no: s.no, heading: s.heading })),
  };
}

/** What /api/config answers: everything the page knows about formats, rules, limits and downloads. */
export interface PageConfig {
  readonly limits: typeof SERVER_LIMITS;
  readonly formats: Readonly<Record<FormatVersion, PageFormat>>;
  readonly rules: Readonly<Record<string, { readonly title: string; readonly severity: Finding['severity'] }>>;
  readonly downloads: ReturnType<typeof downloadKinds>;
  /** The few figures the overview and the year view show for each report. */
  readonly keyFigures: ReturnType<typeof keyFigures>;
}

// The answers of the other API calls, named here so that the page's JSDoc (// @ts-check, checkJs
// by tsconfig.web.json) is checked against what the server sends.
export type { EntrySummary, Finding, LayoutTable, Report, UploadAnswer };
export type { JournalChange, JournalEntry, KeyFigure };
export type { SectionBlock };
export type { BodyStatus } from '../roster';
export type KeptTable = NonNullable<TableBlock['kept']>;
export type LayoutCell = LayoutTable['cells'][number];

/** GET /api/reports/:id and POST …/cells: the report as corrected and which cells were edited (their text as read). */
export interface ReportDetail {
  readonly summary: EntrySummary;
  readonly report: Report | null;
  readonly edits: Readonly<Record<string, string>>;
  /** The journal of corrections, oldest first (undone entries included, marked). */
  readonly journal: readonly JournalEntry[];
}

/** GET /api/reports: the workspace folder and every report in upload order. */
export interface ReportsAnswer {
  readonly workspace: string;
  readonly reports: readonly EntrySummary[];
}

/** POST /api/reports/:id/choose: every report again (which one counts changed for a body and year). */
export interface ChooseAnswer {
  readonly reports: readonly EntrySummary[];
}

/** GET /api/year and the roster changes (POST /api/year/roster, …/roster-from-last, …/assign). */
export type { YearView };

type CrossYear = ReturnType<ReportStore['crossYear']>;

/** GET /api/cross-year. */
export interface CrossYearAnswer {
  readonly pairs: CrossYear['pairs'];
  readonly unpaired: CrossYear['unpaired'];
  readonly summaries: readonly EntrySummary[];
}

/** POST /api/reports: one summary per file (a file refused because the store is full has state 'refused'). */
export interface UploadAnswers {
  readonly files: readonly UploadAnswer[];
}

export function pageConfig(): PageConfig {
  return {
    limits: SERVER_LIMITS,
    formats: Object.fromEntries(FORMAT_VERSIONS.map((v) => [v, pageFormat(v)])),
    rules: Object.fromEntries(ruleCatalogue().map((r) => [r.id, { title: r.title, severity: r.severity }])),
    downloads: downloadKinds(),
    keyFigures: keyFigures(),
  };
}
