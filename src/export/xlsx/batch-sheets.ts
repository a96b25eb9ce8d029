/** The list sheets of the summary workbook besides the main sheet: 问题清单 and 无法读取. */
import type { FileError } from '../../core/pipeline';
import { getFormat, isFormatVersion } from '../../formats/model';
import type { Finding } from '../../report/types';
import type { CrossYearResult, YearRecord } from '../../validate';
import { ruleTitle, severityFill, severityLabel, whereText } from './findings';
import type { ListColumn } from './list-sheet';

/** A finding with the report it belongs to: one row of 问题清单. */
export interface IssueLine {
  readonly no: number;
  readonly file: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly format: string;
  readonly finding: Finding;
}

export const ISSUE_LIST_COLUMNS: readonly ListColumn<IssueLine>[] = [
  { header: '序号', width: 7, value: (l) => l.no },
  { header: '文件', width: 30, value: (l) => l.file, text: true },
  { header: '发布机关', width: 24, value: (l) => l.agency, text: true },
  { header: '报告年度', width: 8, value: (l) => l.year },
  { header: '严重程度', width: 9, value: (l) => severityLabel(l.finding.severity), fill: (l) => severityFill(l.finding.severity) },
  { header: '规则', width: 22, value: (l) => l.finding.rule },
  { header: '规则名称', width: 22, value: (l) => ruleTitle(l.finding.rule), text: true },
  { header: '说明', width: 60, value: (l) => l.finding.message, text: true },
  { header: '涉及单元格', width: 44, value: (l) => whereText(isFormatVersion(l.format) ? getFormat(l.format) : undefined, l.finding.fields), text: true },
  { header: '字段键', width: 30, value: (l) => l.finding.fields.join(', '), text: true },
];

/** The rows of 问题清单: each report's findings as spooled, then the cross-year findings, numbered. */
export async function* issueLines(spooled: AsyncIterable<Omit<IssueLine, 'no'>>, cross: CrossYearResult | undefined, records: readonly YearRecord[]): AsyncGenerator<IssueLine> {
  let no = 0;
  for await (const line of spooled) yield { ...line, no: ++no };
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const [id, findings] of cross?.findings ?? []) {
    const r = byId.get(id);
    for (const finding of findings) yield { no: ++no, file: r?.file ?? id, agency: r?.agency ?? null, year: r?.year ?? null, format: r?.format ?? '', finding };
  }
}

export interface FailedLine {
  readonly no: number;
  /** The path as given (the error names only the file's base name). */
  readonly file: string;
  readonly error: FileError;
}

export const FAILED_COLUMNS: readonly ListColumn<FailedLine>[] = [
  { header: '序号', width: 7, value: (l) => l.no },
  { header: '文件', width: 40, value: (l) => l.file, text: true },
  { header: '错误代码', width: 14, value: (l) => l.error.code },
  { header: '原因', width: 70, value: (l) => l.error.zh, text: true },
  { header: 'Reason', width: 60, value: (l) => l.error.en, text: true },
];
