/**
 * The report as the clerk corrected it, cell by cell: each corrected cell reads as its correction
 * (text and status), for the rules, which look at a cell's status (blank, placeholder, text). The
 * stored report keeps what the body reported; this view is made only to check it.
 */
import type { FieldCell, Report } from './types';

export function correctedView(report: Report): Report {
  let cells: Record<string, FieldCell> | undefined;
  for (const [key, cell] of Object.entries(report.cells)) {
    if (!cell.corrected) continue;
    cells ??= { ...report.cells };
    cells[key] = { ...cell, raw: cell.corrected.text, status: cell.corrected.status };
  }
  return cells ? { ...report, cells } : report;
}
