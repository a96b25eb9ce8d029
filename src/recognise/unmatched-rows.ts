/**
 * A data row of a recognised table whose label matched no row of the format never vanishes
 * silently: it is named with its printed label and values. Where the table still lacks rows, the
 * row is probably one of them under a label we could not read (ROW_UNREAD, a warning whose fields
 * are the cells left unread, so that they are not also reported missing); otherwise it is an extra
 * row the format does not have (LABEL_UNMATCHED, a note).
 */
import { fieldKey, type Format, type TableModel } from '../formats/model';
import type { Finding } from '../report/types';

export interface UnmatchedRow {
  /** Document table ordinal and grid row. */
  readonly table: number;
  readonly row: number;
  readonly label: string;
  readonly values: readonly string[];
  /** The table of the format the row's header band was matched to. */
  readonly model?: TableModel;
}

/** Keys of the rows of a table none of whose cells was read, grouped by row. */
function unreadRows(model: TableModel, read: ReadonlySet<string>): string[][] {
  return model.leafRows
    .map((row) => model.leafColumns.map((column) => fieldKey(model.spec, row, column)))
    .filter((keys) => keys.every((k) => !read.has(k)));
}

function where(row: UnmatchedRow): string {
  const values = row.values.length ? `（数值：${row.values.join('、')}）` : '';
  return `第${row.table + 1}个表格第${row.row + 1}行“${row.label.slice(0, 60)}”${values}`;
}

export function unmatchedRowFindings(format: Format, rows: readonly UnmatchedRow[], read: ReadonlySet<string>): Finding[] {
  return rows.map((row) => {
    const unread = row.model ? unreadRows(row.model, read) : [];
    if (!unread.length) {
      return { rule: 'LABEL_UNMATCHED', severity: 'info', message: `${where(row)}不是标准表格中的行，已忽略`, fields: [] };
    }
    const names = unread.map((keys) => `“${format.byKey.get(keys[0])?.rowShort ?? keys[0]}”`).join('、');
    return {
      rule: 'ROW_UNREAD',
      severity: 'warning',
      message: `${where(row)}的名称与${row.model!.spec.title}的标准行对不上，数值未读取；该表没有读到的行：${names}，请核对该行的名称`,
      fields: unread.flat(),
    };
  });
}
