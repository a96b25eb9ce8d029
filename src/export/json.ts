/** The JSON export: the Report as it is, keys of the field catalog in `fields`. */
import type { Report } from '../report/types';

export function reportToJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
