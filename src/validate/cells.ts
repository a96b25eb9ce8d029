/**
 * Rules on single data cells: BLANK_CELL (once per official table 二/三/四, listing its cells),
 * NON_NUMERIC (text that is not a number, quoted), NEGATIVE (a negative count; signed columns
 * such as 本年增/减 excepted).
 */
import { getFormat, type Format } from '../formats/model';
import type { Finding, Report } from '../report/types';
import { finding } from './catalogue';
import { describeCells } from './cell-groups';
import { partNo } from './names';
import { displayNumber } from '../text/display';

const keysByFormat = new Map<Format, string[]>();

function tableKeys(format: Format): string[] {
  let keys = keysByFormat.get(format);
  if (!keys) {
    keys = format.fields.filter((f) => f.part !== 'meta').map((f) => f.key);
    keysByFormat.set(format, keys);
  }
  return keys;
}

/** The given cells of one part, described block by block. */
function describePart(format: Format, part: string, keys: ReadonlySet<string>): string {
  const tables = format.tables.filter((t) => t.spec.part === part);
  return tables
    .map((t) => {
      const text = describeCells(format, t, keys);
      return text && tables.length > 1 ? `${t.spec.title}：${text}` : text;
    })
    .filter(Boolean)
    .join('；');
}

function blankFindings(report: Report, format: Format): Finding[] {
  const out: Finding[] = [];
  for (const part of format.spec.parts) {
    const keys = tableKeys(format).filter((k) => {
      const status = report.cells[k]?.status;
      return format.byKey.get(k)!.part === part.id && (status === 'blank' || status === 'placeholder');
    });
    if (!keys.length) continue;
    const placeholders = [...new Set(keys.map((k) => report.cells[k].raw).filter((raw) => raw.trim()))];
    const marks = placeholders.length ? `（含填“${placeholders.join('”“')}”的）` : '';
    const where = describePart(format, part.id, new Set(keys));
    out.push(
      finding(
        'BLANK_CELL',
        `表${partNo(format, part.id)}有 ${keys.length} 个数据单元格未填数字${marks}，格式要求填 0，合计时按 0 计：${where}`,
        keys,
      ),
    );
  }
  return out;
}

function nonNumericFindings(report: Report, format: Format): Finding[] {
  return tableKeys(format)
    .filter((k) => report.cells[k]?.status === 'text')
    .map((k) => finding('NON_NUMERIC', `${format.byKey.get(k)!.where}填写的“${report.cells[k].raw}”不是数字`, [k]));
}

function negativeFindings(report: Report, format: Format): Finding[] {
  return tableKeys(format)
    .filter((k) => {
      const v = report.fields[k];
      return typeof v === 'number' && v < 0 && !format.byKey.get(k)!.signed;
    })
    .map((k) =>
      finding('NEGATIVE', `${format.byKey.get(k)!.where}为 ${displayNumber(report.fields[k] as number)}，数量不能为负数`, [k]),
    );
}

export function cellFindings(report: Report): Finding[] {
  const format = getFormat(report.meta.format);
  return [...blankFindings(report, format), ...nonNumericFindings(report, format), ...negativeFindings(report, format)];
}
