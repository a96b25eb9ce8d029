/**
 * TABLE_MISSING: every standard table of the report's format must be there. A part none of whose
 * blocks was found is one finding (缺少表二); a block or table that was found with rows or columns
 * missing names what is missing (but for rows that a ROW_UNREAD note names as printed and unread).
 */
import { getFormat, type Format, type TableModel } from '../formats/model';
import type { Finding, Report } from '../report/types';
import { finding } from './catalogue';
import { describeCells } from './cell-groups';
import { partNo, tableName, titledTableName } from './names';

function keysOf(format: Format, table: TableModel): string[] {
  return format.fields.filter((f) => f.table === table.spec.id).map((f) => f.key);
}

function partMissing(format: Format, tables: readonly TableModel[]): Finding {
  const part = format.spec.parts.find((p) => p.id === tables[0].spec.part)!;
  const blocks = tables.length > 1 ? `（${tables.map((t) => t.spec.title).join('、')}）` : '';
  return finding(
    'TABLE_MISSING',
    `未找到表${partNo(format, part.id)}“${part.title}”${blocks}（${format.version}版格式）`,
    tables.flatMap((t) => keysOf(format, t)),
  );
}

function tableFindings(report: Report, format: Format, table: TableModel): Finding[] {
  const keys = keysOf(format, table);
  const found = report.tables.some((m) => m.spec === table.spec.id);
  if (!found) {
    return [finding('TABLE_MISSING', `未找到${titledTableName(format, table.spec.id)}（${format.version}版格式）`, keys)];
  }
  // Cells of a row printed under a label we could not read are named by ROW_UNREAD, not missing.
  const unread = new Set(report.diagnostics.filter((d) => d.rule === 'ROW_UNREAD').flatMap((d) => d.fields));
  const missing = keys.filter((k) => (report.cells[k]?.status ?? 'missing') === 'missing' && !unread.has(k));
  if (!missing.length) return [];
  const what = describeCells(format, table, new Set(missing));
  return [finding('TABLE_MISSING', `${tableName(format, table.spec.id)}不完整，缺少：${what}`, missing)];
}

export function tableMissingFindings(report: Report): Finding[] {
  const format = getFormat(report.meta.format);
  const out: Finding[] = [];
  for (const part of format.spec.parts) {
    const tables = format.tables.filter((t) => t.spec.part === part.id);
    const none = tables.every((t) => !report.tables.some((m) => m.spec === t.spec.id));
    if (none) out.push(partMissing(format, tables));
    else out.push(...tables.flatMap((t) => tableFindings(report, format, t)));
  }
  return out;
}
