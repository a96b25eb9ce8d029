/** One file of the workspace as the server holds it in memory: its record and light facts of its corrected report. */
import type { ReportRecord } from '../workspace/workspace';
import type { ReportInfo } from './report-info';

export interface Entry {
  record: ReportRecord;
  /** Absent for a file that could not be read. */
  info?: ReportInfo;
}
