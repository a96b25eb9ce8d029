/** Lines the CLI prints for a report and for a failed file. */
import type { FileError } from '../core/pipeline';
import type { Report } from '../report/types';

export function countBySeverity(report: Report): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.issues) counts[f.severity]++;
  return counts;
}

export function summaryLine(report: Report, written: readonly string[]): string {
  const c = countBySeverity(report);
  const who = report.meta.agency ?? report.source.name;
  return `✓ ${report.source.name}（${who} ${report.meta.year ?? '?'}年，${report.meta.format}版格式；错误 ${c.error}，警告 ${c.warning}）→ ${written.join(', ')}`;
}

/** A failed file in two lines: Chinese, then English. */
export function failureLines(error: FileError): string {
  return `✗ ${error.zh}\n  ${error.en}`;
}

export function printFailure(error: FileError): void {
  console.error(failureLines(error));
}
