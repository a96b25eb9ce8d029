/**
 * A roster (名单): which bodies must report for a year, and what became of each. Plain data, so the
 * CLI, the workspace and the page pass it around as JSON.
 */

/** One body that must report. */
export interface RosterBody {
  /** 单位名称 as the roster writes it (display-cleaned). */
  readonly name: string;
  /** 类别 or 层级, when the roster has that column. */
  readonly category: string | null;
  /** 应报送日期 as yyyy-mm-dd, when given. */
  readonly due: string | null;
}

export interface Roster {
  /** The file the roster was read from (or a description such as “2023年度报送单位”). */
  readonly source: string;
  readonly bodies: readonly RosterBody[];
}

/** What the roster needs to know of one report: light, so thousands fit in memory. */
export interface RosterReport {
  /** Stable id chosen by the caller (file name, workspace id). */
  readonly id: string;
  /** The body as the report names itself (meta.agency, else meta.issuer). */
  readonly agency: string | null;
  readonly year: number | null;
  /** The date compared with 应报送日期 (yyyy-mm-dd): when it was published or received. */
  readonly date: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** How many cells a clerk corrected. */
  readonly corrections: number;
}

export type BodyStatus = '已报送' | '未报送' | '逾期' | '有错误' | '已更正';

/** Worst first: a body with an error is shown as 有错误 even if it was also late or corrected. */
export const BODY_STATUSES: readonly BodyStatus[] = ['未报送', '有错误', '逾期', '已更正', '已报送'];

/** One roster body in a year. */
export interface BodyLine {
  readonly body: RosterBody;
  readonly status: BodyStatus;
  /** The report that counts for this body (one per body and year), null when none arrived. */
  readonly counted: RosterReport | null;
  /** Every report matched to this body, in the order given; more than one means 重复报送. */
  readonly reports: readonly RosterReport[];
  readonly duplicate: boolean;
  /** Reported after 应报送日期 (also true when the status shows something worse). */
  readonly late: boolean;
}

export interface RosterYear {
  readonly year: number | null;
  readonly lines: readonly BodyLine[];
  /** Reports of the year no roster body could be matched to: assign them by hand. */
  readonly unmatched: readonly RosterReport[];
  readonly counts: Readonly<Record<BodyStatus, number>>;
}

export interface RosterOptions {
  /** The year to look at; by default the most common year among the reports. */
  readonly year?: number | null;
  /** Manual assignments: report id → roster body name. They win over name matching. */
  readonly assign?: Readonly<Record<string, string>>;
  /** Which report counts for a body with several: body name → report id (default: the later one). */
  readonly counted?: Readonly<Record<string, string>>;
}
