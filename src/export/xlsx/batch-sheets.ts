/** The rows of 问题清单 (columns in problems-sheet.ts) and the sheet 无法读取 of the summary workbook. */
import type { FileError } from '../../core/pipeline';
import type { Finding } from '../../report/types';
import type { CrossYearResult, YearRecord } from '../../validate';
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

/** The rows of 问题清单: each report's findings as spooled, then the cross-year findings, numbered. */
export async function* issueLines(
  spooled: AsyncIterable<Omit<IssueLine, 'no'>>,
  cross: CrossYearResult | undefined,
  records: readonly YearRecord[],
): AsyncGenerator<IssueLine> {
  let no = 0;
  for await (const line of spooled) yield { ...line, no: ++no };
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const [id, findings] of cross?.findings ?? []) {
    const r = byId.get(id);
    for (const finding of findings)
      yield { no: ++no, file: r?.file ?? id, agency: r?.agency ?? null, year: r?.year ?? null, format: r?.format ?? '', finding };
  }
}

export interface FailedLine {
  readonly no: number;
  /** The file name without its folders (what print shows). */
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
