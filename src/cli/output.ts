/** Lines the CLI prints for a report and for a failed file. */
import type { FileError } from '../core/pipeline';
import { countBySeverity } from '../report/findings';
import type { Report } from '../report/types';

export function summaryLine(report: Report, written: readonly string[]): string {
  const c = countBySeverity(report.issues);
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
